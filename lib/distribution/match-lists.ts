/** A list's rules: an empty rule matches anything; tags match when the incident carries any of them. */
export type ListRules = { severities: string[]; categories: string[]; tags: string[] };
export type IncidentFacets = { severity: string; category: string; tags: string[] };

export function matchesList(list: ListRules, incident: IncidentFacets): boolean {
  if (list.severities.length > 0 && !list.severities.includes(incident.severity)) return false;
  if (list.categories.length > 0 && !list.categories.includes(incident.category)) return false;
  if (list.tags.length > 0 && !list.tags.some((tag) => incident.tags.includes(tag))) return false;
  return true;
}

export type RecipientGroup = { id: string | null; name: string; recipients: string[]; rules: ListRules | null };

const normal = (address: string) => address.trim().toLowerCase();

/**
 * The matching lists, then the addresses added for this incident, each address once (the first
 * group that names it keeps it, case-insensitively), without the addresses excluded for it.
 */
export function resolveRecipients<L extends ListRules & { id: string; name: string; recipients: string[] }>(
  lists: L[],
  incident: IncidentFacets,
  overrides: { extra?: string[]; excluded?: string[] } = {},
): RecipientGroup[] {
  const seen = new Set((overrides.excluded ?? []).map(normal));
  const take = (addresses: string[]) =>
    addresses.filter((address) => {
      const key = normal(address);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const groups: RecipientGroup[] = lists
    .filter((list) => matchesList(list, incident))
    .map((list) => ({ id: list.id, name: list.name, recipients: take(list.recipients), rules: { severities: list.severities, categories: list.categories, tags: list.tags } }));
  const extra = take(overrides.extra ?? []);
  if (extra.length > 0) groups.push({ id: null, name: "Added for this incident", recipients: extra, rules: null });
  return groups.filter((group) => group.recipients.length > 0 || group.id !== null);
}

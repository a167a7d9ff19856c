/** A list's rules: an empty rule matches anything; tags match when the incident carries any of them. */
export type ListRules = { severities: string[]; categories: string[]; tags: string[] };
export type IncidentFacets = { severity: string; category: string; tags: string[] };

export function matchesList(list: ListRules, incident: IncidentFacets): boolean {
  if (list.severities.length > 0 && !list.severities.includes(incident.severity)) return false;
  if (list.categories.length > 0 && !list.categories.includes(incident.category)) return false;
  if (list.tags.length > 0 && !list.tags.some((tag) => incident.tags.includes(tag))) return false;
  return true;
}

/** The matching lists, and each address once (the first list that names it keeps it), case-insensitively. */
export function resolveRecipients<L extends ListRules & { id: string; name: string; recipients: string[] }>(lists: L[], incident: IncidentFacets) {
  const seen = new Set<string>();
  return lists
    .filter((list) => matchesList(list, incident))
    .map((list) => {
      const recipients = list.recipients.filter((address) => {
        const key = address.trim().toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return { id: list.id, name: list.name, recipients, rules: { severities: list.severities, categories: list.categories, tags: list.tags } };
    });
}

/** Incidents are known to people as INC-<number>; the database keys them by number. */
export function formatIncidentKey(number: number): string {
  return `INC-${number}`;
}

export function parseIncidentKey(key: string): number | null {
  const match = /^INC-(\d{1,9})$/i.exec(key.trim());
  if (!match?.[1]) return null;
  const number = Number.parseInt(match[1], 10);
  return number > 0 ? number : null;
}

/** "24h", "90m", "7d" or an ISO date → a Date. */
export function parseSince(value: string, now = new Date()): Date | null {
  const relative = /^(\d+)([mhd])$/.exec(value.trim());
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as "m" | "h" | "d"];
    return new Date(now.getTime() - Number(relative[1]) * unit);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

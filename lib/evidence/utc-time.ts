/**
 * Date arithmetic shared by the text parsers. Date.parse is not used: it rolls 2026-02-30 over to
 * March and reads offset-less times in the server's zone, and evidence must mean the same thing on
 * every machine.
 */

export type ClockParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  /** Digits after the decimal point of the seconds, as written ("5", "123456"). */
  fraction?: string;
  /** "Z", "UTC", "+01:00", "-0530"; absent means UTC. */
  offset?: string;
};

function parseOffsetMinutes(offset: string | undefined): number | null {
  if (!offset || /^(z|utc)$/i.test(offset.trim())) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** Milliseconds since the epoch, or null when any part is out of range (month 13, Feb 30, 24:00). */
export function toUtcMillis(parts: ClockParts): number | null {
  const second = parts.second ?? 0;
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return null;
  if (parts.hour > 23 || parts.minute > 59 || second > 59) return null;
  const offsetMinutes = parseOffsetMinutes(parts.offset);
  if (offsetMinutes === null) return null;
  const millis = parts.fraction ? Math.floor(Number(`0.${parts.fraction}`) * 1000) : 0;
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, second, millis);
  if (new Date(local).getUTCDate() !== parts.day) return null;
  return local - offsetMinutes * 60_000;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s?(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/** ISO 8601 / RFC 3339 date-time, with "T" or a space; no offset means UTC. */
export function parseIsoMillis(text: string): number | null {
  const match = isoPattern.exec(text.trim());
  if (!match) return null;
  return toUtcMillis({
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: match[6] === undefined ? 0 : Number(match[6]),
    fraction: match[7],
    offset: match[8],
  });
}

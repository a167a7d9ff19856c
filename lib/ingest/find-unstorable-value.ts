import type { ParsedAlertEvent } from "@/lib/ingest/types";

// PostgreSQL text cannot hold NUL, and timestamps outside these years are typos or garbage.
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** Dotted path of the first string containing a NUL character, or null. */
export function findNulField(value: unknown, path = "body"): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulField(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulField(item, path === "body" ? key : `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Why parsed events cannot be stored as they are (a NUL, an impossible time), or null. */
export function findUnstorableEvent(body: unknown, events: ParsedAlertEvent[]): { field: string; message: string } | null {
  const nul = findNulField(body);
  if (nul) return { field: nul, message: `${nul} contains a NUL character, which cannot be stored.` };
  for (const event of events) {
    const time = event.occurredAt.getTime();
    if (Number.isNaN(time) || time < EARLIEST || time >= LATEST) {
      return { field: "occurredAt", message: `The event time (${Number.isNaN(time) ? "invalid" : event.occurredAt.toISOString()}) is not a plausible date.` };
    }
  }
  return null;
}

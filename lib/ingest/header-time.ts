/**
 * The delivery's HTTP Date header as a time, for payloads that carry no time of their own.
 * Only a last resort: a retried delivery gets a new Date header, so never use it in a dedupe key.
 */
export function readHeaderTime(headers: Record<string, string>): Date | null {
  const value = headers["date"];
  if (!value) return null;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? null : new Date(millis);
}

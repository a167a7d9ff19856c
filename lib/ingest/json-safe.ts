/**
 * Makes parsed webhook JSON storable as-is: bigint (lossless-json's big integers) becomes its exact
 * decimal string, so nothing is rounded and JSON.stringify cannot throw.
 */
export function toJsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJsonSafe(item)]));
  }
  return value;
}

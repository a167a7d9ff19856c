import { isInteger, isSafeNumber, parse } from "lossless-json";

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; message: string };

// Numbers that a double holds exactly stay numbers; larger integers become bigint.
function parseNumber(text: string): number | bigint {
  if (isInteger(text) && !isSafeNumber(text)) return BigInt(text);
  return Number(text);
}

/**
 * Parses a webhook body without losing numeric precision: integers beyond 2^53 (Opsgenie's
 * nanosecond timestamps, 64-bit ids) become bigint instead of being rounded.
 */
export function parseJsonBody(text: string): JsonBodyResult {
  try {
    return { ok: true, value: parse(text, undefined, parseNumber) };
  } catch (error) {
    return { ok: false, message: `Malformed JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

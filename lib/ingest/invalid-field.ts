import type { z } from "zod";
import type { ParseOutcome } from "./types";

type Invalid = Extract<ParseOutcome, { ok: false }>;

function readAtPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Names the first field zod rejected, as the 422 answer does: "event.data.id is required".
 * `input` is the value that was validated, so a missing field can be told from a mistyped one.
 */
export function describeInvalidField(error: z.ZodError, input: unknown, prefix: readonly (string | number)[] = []): Invalid {
  const issue = error.issues[0];
  if (!issue) return { ok: false, field: prefix.join(".") || "body", message: "body is invalid" };
  const path = [...prefix, ...issue.path.map((key) => (typeof key === "symbol" ? key.description ?? "?" : key))];
  const field = path.join(".") || "body";
  if (readAtPath(input, issue.path) === undefined) return { ok: false, field, message: `${field} is required` };
  if (issue.code === "invalid_type") return { ok: false, field, message: `${field} must be ${withArticle(issue.expected)}` };
  if (issue.code === "custom") return { ok: false, field, message: `${field} ${issue.message}` };
  return { ok: false, field, message: `${field} is invalid: ${issue.message}` };
}

function withArticle(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** An ok:false outcome for a field the parser itself found wanting (not via zod). */
export function invalidField(field: string, message: string): Invalid {
  return { ok: false, field, message: `${field} ${message}` };
}

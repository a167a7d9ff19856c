import type { DraftInput, DraftSections, Statement, TimelineItem } from "@/lib/drafting/types";

/** What the model returns for one statement: `ref` names the deterministic statement it rewrites. */
export type RewrittenStatement = { ref: string; text: string; citations: string[] };

/** A statement of the deterministic draft the model may rewrite; `target` is the object itself. */
export type RewritableStatement = { ref: string; target: Statement | TimelineItem; rootCause: boolean };

export type CheckResult = { ok: true } | { ok: false; reason: string };

/** Longer timelines are left as they are: rewriting them costs more than it reads better. */
export const MAX_REWRITTEN_TIMELINE_ITEMS = 60;
const MAX_TEXT_LENGTH = 2_000;

/** Every prose statement of a draft, each under a stable ref such as "impact.2" or "rootCause.candidates.0.for.1". */
export function listRewritableStatements(draft: DraftSections): RewritableStatement[] {
  const list: RewritableStatement[] = [];
  const add = (prefix: string, statements: (Statement | TimelineItem)[], rootCause = false) =>
    statements.forEach((target, index) => list.push({ ref: `${prefix}.${index}`, target, rootCause }));
  add("summary", draft.summary.statements);
  if (draft.timeline.items.length <= MAX_REWRITTEN_TIMELINE_ITEMS) add("timeline", draft.timeline.items);
  add("impact", draft.impact.statements);
  add("rootCause", draft.rootCause.statements, true);
  draft.rootCause.candidates.forEach((candidate, index) => {
    add(`rootCause.candidates.${index}.for`, candidate.evidenceFor, true);
    add(`rootCause.candidates.${index}.against`, candidate.evidenceAgainst, true);
  });
  add("remediation", draft.remediation.statements);
  return list;
}

/**
 * Checks the model's rewrites against this incident's evidence and the deterministic draft. Any
 * problem rejects the whole answer: a half-trusted draft is worse than the plain deterministic one.
 */
export function checkLlmOutput(input: DraftInput, draft: DraftSections, rewritten: RewrittenStatement[]): CheckResult {
  const originals = new Map(listRewritableStatements(draft).map((s) => [s.ref, s]));
  const evidenceIds = new Set(input.evidence.map((e) => e.id));
  const allowed = collectAllowedNumbers(input, draft);
  const seen = new Set<string>();
  for (const statement of rewritten) {
    const original = originals.get(statement.ref);
    if (!original) return fail(`statement "${statement.ref}" does not exist in the draft`);
    if (seen.has(statement.ref)) return fail(`statement "${statement.ref}" was rewritten twice`);
    seen.add(statement.ref);
    const text = statement.text.trim();
    if (!text) return fail(`${statement.ref}: the text is empty`);
    if (text.length > MAX_TEXT_LENGTH) return fail(`${statement.ref}: the text is longer than ${MAX_TEXT_LENGTH} characters`);
    const foreign = statement.citations.find((id) => !evidenceIds.has(id));
    if (foreign !== undefined) return fail(`${statement.ref}: citation "${foreign}" is not evidence of this incident`);
    if (original.target.citations.length > 0 && statement.citations.length === 0) {
      return fail(`${statement.ref}: lost all its citations (the draft cites ${original.target.citations.length})`);
    }
    const invented = findInventedNumber(text, allowed);
    if (invented) return fail(`${statement.ref}: number "${invented}" appears in neither the evidence nor the draft`);
    const claim = findConfirmedClaim(text, original.rootCause);
    if (claim) return fail(`${statement.ref}: claims a confirmed root cause ("${claim}"); it stays preliminary until a person confirms it`);
  }
  return { ok: true };
}

function fail(reason: string): CheckResult {
  return { ok: false, reason };
}

type AllowedNumbers = { exact: Set<string>; values: number[]; times: Set<string>; dates: Set<string> };

// Dates and times are matched whole, before plain numbers, so "09:14" is one fact and not "9" and "14".
const DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const TIME = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/g;
const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;
const PERCENT_AFTER = /^\s?(%|percent\b)/i;

function normalizeNumber(token: string): string {
  return String(Number(token.replace(/,/g, "")));
}

/** Every number the model was shown: evidence texts and data, the incident, the deterministic draft. */
function collectAllowedNumbers(input: DraftInput, draft: DraftSections): AllowedNumbers {
  const allowed: AllowedNumbers = { exact: new Set(), values: [], times: new Set(), dates: new Set() };
  const addNumber = (value: number) => {
    if (!Number.isFinite(value)) return;
    allowed.exact.add(String(value));
    allowed.values.push(value);
  };
  // Ids and ranking scores are not facts to quote: their digits must not make an invented number pass.
  const skip = (key: string, value: unknown) => (key === "citations" || key === "score" || key === "id" ? undefined : value);
  const corpus = [
    JSON.stringify(input.incident),
    JSON.stringify(draft, skip),
    ...input.evidence.map((e) => `${e.at.toISOString()} ${e.text} ${JSON.stringify(e.data, skip)}`),
  ].join("\n");
  for (const [, year, month, day] of corpus.matchAll(DATE)) {
    allowed.dates.add(`${year}-${month}-${day}`);
    [year, month, day].forEach((part) => addNumber(Number(part)));
  }
  for (const [, hour, minute, second] of corpus.matchAll(TIME)) {
    const h = Number(hour);
    // The same instant written on a 12-hour clock ("2:14 PM") is the same fact.
    for (const clockHour of new Set([h, h % 12 === 0 ? 12 : h % 12])) {
      allowed.times.add(`${clockHour}:${minute}`);
      if (second !== undefined) allowed.times.add(`${clockHour}:${minute}:${second}`);
    }
    [h, Number(minute)].forEach(addNumber);
  }
  // Tokenised the way findInventedNumber tokenises prose, so "09:14:03.5" leaves the same remnant on both sides.
  const remnant = corpus.replace(DATE, " ").replace(TIME, " ");
  for (const [token] of remnant.matchAll(NUMBER)) addNumber(Number(normalizeNumber(token)));
  // Durations the draft computed may be said in hours and minutes ("1 hour 12 minutes" for 72).
  const { durationMinutes, timeToAcknowledgeMinutes, timeToResolveMinutes } = draft.impact;
  for (const minutes of [durationMinutes, timeToAcknowledgeMinutes, timeToResolveMinutes]) {
    if (minutes === null) continue;
    [Math.floor(minutes / 60), minutes % 60, Math.round(minutes / 6) / 10, Math.round(minutes)].forEach(addNumber);
  }
  return allowed;
}

/** The first number, time or date in `text` that the model was never shown, or null. */
function findInventedNumber(text: string, allowed: AllowedNumbers): string | null {
  let rest = text;
  for (const match of text.matchAll(DATE)) {
    if (!allowed.dates.has(match[0])) return match[0];
    rest = rest.replace(match[0], " ");
  }
  for (const match of rest.matchAll(TIME)) {
    const [, hour, minute, second] = match;
    const time = `${Number(hour)}:${minute}${second === undefined ? "" : `:${second}`}`;
    if (!allowed.times.has(time)) return match[0];
  }
  rest = rest.replace(TIME, " ");
  for (const match of rest.matchAll(NUMBER)) {
    const value = Number(normalizeNumber(match[0]));
    const decimals = match[0].split(".")[1]?.length ?? 0;
    const percent = PERCENT_AFTER.test(rest.slice((match.index ?? 0) + match[0].length));
    if (!isAllowedNumber(value, decimals, percent, allowed)) return match[0];
  }
  return null;
}

function isAllowedNumber(value: number, decimals: number, percent: boolean, allowed: AllowedNumbers): boolean {
  if (allowed.exact.has(String(value))) return true;
  // Rounding is fine where it is visible: "12.5%" for 0.1253, "3.1 s" for 3.14; a bare "47" must appear as is.
  if (decimals === 0 && !percent) return false;
  const round = (n: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;
  return allowed.values.some((v) => round(v) === value || (percent && round(v * 100) === value));
}

const CONFIRMED_CLAIM = /\b(confirmed|definitive(ly)?|the root cause (is|was))\b/gi;
const NEGATED_BEFORE = /\b(not|never|no|yet to be|until|unless|pending|awaiting|before)\W+(\w+\W+){0,2}$/i;
const HEDGED_AFTER = /^\W+(not|still|unknown|unclear|undetermined|under|being|yet|preliminary)\b/i;

/**
 * A claim that the root cause is settled, or null. Only a person confirms a root cause, so root-cause
 * prose may not sound final; elsewhere only sentences about the cause are held to it. Negated uses
 * ("not yet confirmed", "the root cause is still unknown") are what we want the model to say.
 */
function findConfirmedClaim(text: string, rootCause: boolean): string | null {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    if (!rootCause && !/\bcause/i.test(sentence)) continue;
    for (const match of sentence.matchAll(CONFIRMED_CLAIM)) {
      const before = sentence.slice(0, match.index);
      const after = sentence.slice((match.index ?? 0) + match[0].length);
      const claimsCause = match[0].toLowerCase().startsWith("the root cause");
      if (claimsCause ? HEDGED_AFTER.test(after) : NEGATED_BEFORE.test(before)) continue;
      return match[0];
    }
  }
  return null;
}

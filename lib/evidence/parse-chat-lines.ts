import { createHash } from "node:crypto";
import type { EvidenceParseOutcome, ParsedEvidence } from "./types";
import { toUtcMillis } from "./utc-time";

type Failure = Extract<EvidenceParseOutcome, { ok: false }>;
type Stamp = {
  date?: [number, number, number];
  hour: number;
  minute: number;
  second?: number;
  fraction?: string;
  meridiem?: "AM" | "PM";
  offset?: string;
};
type Head = { stamp: Stamp; author: string | null; text: string };

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:\s?([AaPp][Mm]))?`;
const OFFSET = String.raw`(?:\s?(Z|UTC|[+-]\d{2}:?\d{2}))?`;
const NAME = String.raw`[\p{L}\p{N}_.@'-]+(?: [\p{L}\p{N}_.@'-]+){0,3}`;
// "2026-11-29 09:14", "2026-11-29T09:14:03Z", "[09:14]", "09:14:03 +01:00" … then the rest of the line.
const STAMP_FIRST = new RegExp(String.raw`^(\[)?(?:(\d{4})-(\d{2})-(\d{2})[T ])?${TIME}${OFFSET}(\])?(?:\s+(.*))?$`, "u");
// Slack copy-paste: "dana [9:14 AM]: message" (the message may start on the next line).
const AUTHOR_FIRST = new RegExp(String.raw`^(${NAME})\s+\[${TIME}\]:?(?:\s+(.*))?$`, "u");
const ANGLE_AUTHOR = /^<\s*[@+]?([^<>\s][^<>]{0,63})>(?:\s(.*))?$/u;
const COLON_AUTHOR = new RegExp(String.raw`^(${NAME}):(?:\s+(.*))?$`, "u");
const TWELVE_HOURS = 12 * 3_600_000;
const FORMATS = '"2026-11-29 09:14 dana: …", "[09:14] <dana> …" or "dana [9:14 AM]: …"';

function fail(line: number, message: string): Failure {
  return { ok: false, message: `line ${line}: ${message}`, line };
}

function splitAuthor(rest: string): { author: string | null; text: string } {
  const match = ANGLE_AUTHOR.exec(rest) ?? COLON_AUTHOR.exec(rest);
  return match ? { author: match[1]!.trim(), text: match[2] ?? "" } : { author: null, text: rest };
}

function readClock(match: RegExpExecArray, at: number): Omit<Stamp, "date"> {
  return {
    hour: Number(match[at]),
    minute: Number(match[at + 1]),
    second: match[at + 2] === undefined ? undefined : Number(match[at + 2]),
    fraction: match[at + 3],
    meridiem: match[at + 4]?.toUpperCase() as Stamp["meridiem"],
  };
}

function readHead(line: string): Head | null {
  const stamped = STAMP_FIRST.exec(line);
  // A bracket must be closed and an opening one must exist for a closing one: "[09:14" is text.
  if (stamped && Boolean(stamped[1]) === Boolean(stamped[11])) {
    const date: Stamp["date"] = stamped[2] ? [Number(stamped[2]), Number(stamped[3]), Number(stamped[4])] : undefined;
    return { stamp: { ...readClock(stamped, 5), date, offset: stamped[10] }, ...splitAuthor(stamped[12] ?? "") };
  }
  const slack = AUTHOR_FIRST.exec(line);
  if (slack) return { stamp: readClock(slack, 2), author: slack[1]!, text: slack[7] ?? "" };
  return null;
}

function toMillis(stamp: Stamp, day: Date): number | null {
  let hour = stamp.hour;
  if (stamp.meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (stamp.meridiem === "PM" ? 12 : 0);
  }
  const [year, month, date] = stamp.date ?? [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const { minute, second, fraction, offset } = stamp;
  return toUtcMillis({ year, month, day: date, hour, minute, second, fraction, offset });
}

function hashMessage(at: Date, author: string | null, text: string): string {
  // Separators keep ("ab", "c") and ("a", "bc") apart.
  return createHash("sha256").update(`${at.toISOString()}\n${author ?? ""}\n${text}`).digest("hex");
}

/**
 * Parses chat pasted one message per line, in the shapes responders paste from IRC, Slack, Teams and
 * terminal logs. Lines without a timestamp continue the previous message. Times are UTC unless the
 * line gives an offset; a time without a date takes the previous message's date (the reference date
 * for the first one) and rolls over midnight when the clock jumps back by more than 12 hours.
 */
export function parseChatLines(input: { text: string; referenceDate: Date; source?: string }): EvidenceParseOutcome {
  if (Number.isNaN(input.referenceDate.getTime())) return { ok: false, message: "referenceDate is not a valid date", field: "referenceDate" };
  const source = input.source ?? "Chat log";
  const lines = input.text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const drafts: { at: number; author: string | null; text: string; line: number }[] = [];

  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.trimEnd();
    if (line.trim() === "") continue;
    const head = readHead(line);
    const previous = drafts[drafts.length - 1];
    if (!head) {
      if (!previous) return fail(lineNumber, `no timestamp at the start of the line; expected e.g. ${FORMATS}`);
      previous.text = previous.text ? `${previous.text}\n${line}` : line;
      continue;
    }
    const day = previous && !head.stamp.date ? new Date(previous.at) : input.referenceDate;
    let at = toMillis(head.stamp, day);
    if (at === null) return fail(lineNumber, `the timestamp is not a valid date and time`);
    if (previous && !head.stamp.date && at < previous.at - TWELVE_HOURS) at += 24 * 3_600_000;
    drafts.push({ at, author: head.author, text: head.text, line: lineNumber });
  }
  if (drafts.length === 0) return { ok: false, message: "the chat log is empty", field: "text" };

  const items: ParsedEvidence[] = drafts.map((draft) => {
    const at = new Date(draft.at);
    return {
      kind: "chat_message",
      at,
      text: draft.text,
      source,
      dedupeKey: `chat:${hashMessage(at, draft.author, draft.text)}`,
      data: { author: draft.author, line: draft.line },
    };
  });
  // Stable sort: messages pasted in order keep it even when two share a minute.
  items.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { ok: true, items };
}

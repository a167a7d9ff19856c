import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseChatLines } from "./parse-chat-lines";

const fixture = readFileSync(fileURLToPath(new URL("../../tests/fixtures/evidence/chat-lines.txt", import.meta.url)), "utf8");
const referenceDate = new Date("2026-11-29T18:00:00Z");

function parse(text: string, reference = referenceDate) {
  const outcome = parseChatLines({ text, referenceDate: reference });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.items;
}

describe("parseChatLines", () => {
  it("reads every supported line shape, joining continuation lines", () => {
    const items = parse(fixture);
    expect(items.map((item) => [item.at.toISOString(), item.data.author, item.data.line, item.text])).toEqual([
      ["2026-11-29T09:05:00.000Z", "dana", 1, "checkout error rate alert just fired"],
      ["2026-11-29T09:07:12.000Z", "alertmanager", 2, "[FIRING:1] CheckoutHighErrorRate"],
      [
        "2026-11-29T09:08:00.000Z",
        "dana",
        3,
        "looking at deploy 4412, stack trace:\n  NullPointerException at PaymentClient.authorize\n  at CheckoutService.submit",
      ],
      ["2026-11-29T09:09:05.000Z", "bob", 7, "rolling back 4412"],
      ["2026-11-29T09:10:00.000Z", "carol", 8, "payments dependency is healthy, <img src=x onerror=alert(1)> is on the error page"],
      ["2026-11-29T09:12:00.000Z", "Dana Reyes", 9, "rollback done, 5xx < 1% & falling"],
      ["2026-11-29T09:30:00.000Z", "erik", 10, "Berlin clock says 10:30"],
    ]);
    expect(items.every((item) => item.kind === "chat_message" && item.source === "Chat log")).toBe(true);
  });

  it("gives stable sha256 dedupe keys that change with the text", () => {
    const first = parse(fixture).map((item) => item.dedupeKey);
    expect(first).toEqual(parse(fixture).map((item) => item.dedupeKey));
    expect(first.every((key) => /^chat:[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    const edited = parse(fixture.replace("rolling back 4412", "rolling back 4413"));
    expect(edited[3]?.dedupeKey).not.toBe(first[3]);
    expect(edited[4]?.dedupeKey).toBe(first[4]);
  });

  it("puts undated times on the reference date, leaving dated lines alone", () => {
    const items = parse("[09:14] dana: undated\n2026-11-29 09:20 bob: dated", new Date("2026-12-03T23:59:59Z"));
    expect(items.map((item) => item.at.toISOString())).toEqual(["2026-11-29T09:20:00.000Z", "2026-12-03T09:14:00.000Z"]);
  });

  it("reads 12-hour clocks, offsets and a rollover past midnight", () => {
    const items = parse("[11:58 PM] dana: late\n[12:03 AM] bob: after midnight\n[12:30 PM] carol: lunch\n00:10 -05:00 erik: from New York");
    expect(items.map((item) => [item.data.author, item.at.toISOString()])).toEqual([
      ["dana", "2026-11-29T23:58:00.000Z"],
      ["bob", "2026-11-30T00:03:00.000Z"],
      ["erik", "2026-11-30T05:10:00.000Z"],
      ["carol", "2026-11-30T12:30:00.000Z"],
    ]);
  });

  it("keeps lines without an author and uses the given source", () => {
    const outcome = parseChatLines({ text: "09:14 paged on-call\n09:15 <@bob> ack", referenceDate, source: "Zoom chat" });
    expect(outcome.ok && outcome.items.map((item) => [item.data.author, item.text, item.source])).toEqual([
      [null, "paged on-call", "Zoom chat"],
      ["bob", "ack", "Zoom chat"],
    ]);
  });

  it("treats a half-bracketed time as message text, not a new message", () => {
    const items = parse("[09:14] dana: see the log\n[09:15 is when it broke\n09:16] too");
    expect(items.map((item) => item.text)).toEqual(["see the log\n[09:15 is when it broke\n09:16] too"]);
  });

  it("refuses a first line without a timestamp, naming the line", () => {
    expect(parseChatLines({ text: "\n\nhello: anyone here?\n[09:14] dana: yes", referenceDate })).toEqual({
      ok: false,
      message:
        'line 3: no timestamp at the start of the line; expected e.g. "2026-11-29 09:14 dana: …", "[09:14] <dana> …" or "dana [9:14 AM]: …"',
      line: 3,
    });
  });

  it("refuses impossible dates and times", () => {
    expect(parseChatLines({ text: "[09:14] dana: ok\n[25:10] bob: no", referenceDate })).toEqual({
      ok: false,
      message: "line 2: the timestamp is not a valid date and time",
      line: 2,
    });
    expect(parseChatLines({ text: "2026-02-30 09:14 dana: no", referenceDate })).toMatchObject({ line: 1 });
    expect(parseChatLines({ text: "[13:10 PM] dana: no", referenceDate })).toMatchObject({ line: 1 });
  });

  it("refuses an empty paste and an invalid reference date", () => {
    expect(parseChatLines({ text: "\n  \n", referenceDate })).toEqual({ ok: false, message: "the chat log is empty", field: "text" });
    expect(parseChatLines({ text: "[09:14] dana: hi", referenceDate: new Date("nope") })).toMatchObject({ field: "referenceDate" });
  });
});

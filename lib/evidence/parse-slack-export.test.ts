import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSlackExport } from "./parse-slack-export";

const fixtures = fileURLToPath(new URL("../../tests/fixtures/evidence/", import.meta.url));
const read = (file: string) => readFileSync(fixtures + file, "utf8");
const DAY = "inc-checkout/2026-11-29.json";

function exportFiles() {
  return [
    { name: DAY, content: read(`slack-export/${DAY}`) },
    { name: "users.json", content: JSON.parse(read("slack-export/users.json")) as unknown },
  ];
}

function parseFixture(input: Partial<Parameters<typeof parseSlackExport>[0]> = {}) {
  const outcome = parseSlackExport({ files: exportFiles(), ...input });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.items;
}

describe("parseSlackExport", () => {
  it("turns every message but the join into a chat message, in time order", () => {
    const items = parseFixture();
    expect(items.map((item) => [item.at.toISOString(), item.data.author, item.text])).toEqual([
      ["2026-11-29T09:07:12.000Z", "Alertmanager", "[FIRING:1] CheckoutHighErrorRate checkout-api 5xx ratio 12.4% > 5%"],
      ["2026-11-29T09:08:30.000Z", "Dana Reyes", "@Bob Okafor checkout 5xx spiking since 09:07, looking at deploy 4412 & the payments dependency"],
      ["2026-11-29T09:09:05.000Z", "Bob Okafor", "rolling back 4412 now"],
      ["2026-11-29T09:10:00.000Z", "Carol Ng", "the error page showed this: <img src=x onerror=alert(1)> (cc @Erik <@U09NOBODY>)"],
      ["2026-11-29T09:12:40.000Z", "Dana Reyes", "rollback done, 5xx < 1% again"],
      ["2026-11-29T09:15:00.000Z", "Erik", "the log line literally reads &lt;b&gt;timeout&lt;/b&gt;\n[file: 5xx ratio 09:00-09:30]"],
    ]);
    expect(items.every((item) => item.kind === "chat_message" && item.source === "Slack #inc-checkout")).toBe(true);
    expect(items.some((item) => item.data.subtype === "channel_join")).toBe(false);
  });

  it("links replies to their thread parent", () => {
    const items = parseFixture();
    const parent = items.find((item) => item.data.ts === "1795943310.000300");
    expect(parent?.data).toEqual({ author: "Dana Reyes", ts: "1795943310.000300", threadTs: "1795943310.000300", isReply: false, subtype: null });
    const replies = items.filter((item) => item.data.isReply);
    expect(replies.map((item) => [item.data.ts, item.data.threadTs])).toEqual([
      ["1795943345.000400", "1795943310.000300"],
      ["1795943560.000600", "1795943310.000300"],
    ]);
    const bot = items.find((item) => item.data.subtype === "bot_message");
    expect(bot?.data).toMatchObject({ author: "Alertmanager", threadTs: null, isReply: false });
  });

  it("keeps ts exact and dedupe keys stable across parses", () => {
    const first = parseFixture();
    const second = parseFixture();
    expect(first.map((item) => item.dedupeKey)).toEqual(second.map((item) => item.dedupeKey));
    expect(first[0]?.dedupeKey).toBe("slack:inc-checkout:1795943232.000200");
    expect(JSON.parse(JSON.stringify(first.map((item) => item.data)))).toEqual(first.map((item) => item.data));
  });

  it("takes the channel from the input over the folder, and users from the input over users.json", () => {
    const items = parseFixture({
      channel: "#war-room",
      users: [{ id: "U02BOB", name: "bob", profile: { real_name: "", display_name: "bobby" } }],
    });
    expect(items[1]?.source).toBe("Slack #war-room");
    expect(items[1]?.dedupeKey).toBe("slack:war-room:1795943310.000300");
    expect(items[1]?.text.startsWith("@bobby checkout")).toBe(true);
    // Dana is no longer in the users list, so her name comes from the message's own user_profile.
    expect(items[1]?.data.author).toBe("Dana Reyes");
  });

  it("orders by the microsecond part of ts and drops a message uploaded twice", () => {
    const day = [
      { type: "message", user: "U1", text: "later", ts: "1795943310.001000" },
      { type: "message", user: "U1", text: "earlier", ts: "1795943310.000900" },
    ];
    const outcome = parseSlackExport({ files: [{ name: "ops/2026-11-29.json", content: day }, { name: "ops/2026-11-29.json", content: day }] });
    expect(outcome.ok && outcome.items.map((item) => [item.text, item.data.author])).toEqual([
      ["earlier", "U1"],
      ["later", "U1"],
    ]);
  });

  it("names the file when a day file is not an array", () => {
    const name = "inc-checkout/2026-11-29.json";
    const outcome = parseSlackExport({ files: [{ name, content: read(`hostile/slack-not-array/${name}`) }] });
    expect(outcome).toEqual({ ok: false, message: "inc-checkout/2026-11-29.json: expected a JSON array of messages", field: "files" });
  });

  it("names the file and index of a message without ts", () => {
    const name = "inc-checkout/2026-11-29.json";
    const outcome = parseSlackExport({ files: [{ name, content: read(`hostile/slack-no-ts/${name}`) }] });
    expect(outcome).toEqual({ ok: false, message: "inc-checkout/2026-11-29.json[1]: message has no ts", field: "ts" });
  });

  it("rejects broken JSON, odd timestamps, unknown channels and exports without day files", () => {
    expect(parseSlackExport({ files: [{ name: "ops/2026-11-29.json", content: "[{" }] })).toMatchObject({
      message: "ops/2026-11-29.json: not valid JSON",
    });
    expect(parseSlackExport({ files: [{ name: "ops/2026-11-29.json", content: [{ type: "message", ts: "09:14" }] }] })).toMatchObject({
      message: 'ops/2026-11-29.json[0]: ts "09:14" is not a Slack timestamp like "1795943231.000200"',
    });
    expect(parseSlackExport({ files: [{ name: "2026-11-29.json", content: [] }] })).toMatchObject({
      message: "2026-11-29.json: cannot tell the channel; name the file <channel>/YYYY-MM-DD.json",
    });
    expect(parseSlackExport({ files: [{ name: "channels.json", content: [] }] })).toMatchObject({
      message: "no day files found: expected <channel>/YYYY-MM-DD.json",
    });
    expect(parseSlackExport({ files: exportFiles(), users: { U1: "dana" } })).toMatchObject({
      message: "users.json: expected a JSON array of users",
    });
  });
});

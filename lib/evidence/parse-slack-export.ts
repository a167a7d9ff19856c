import type { EvidenceParseOutcome, ParsedEvidence } from "./types";

type Failure = Extract<EvidenceParseOutcome, { ok: false }>;
type Json = Record<string, unknown>;

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
const SLACK_TS = /^(\d{1,12})(?:\.(\d{1,6}))?$/;
// Membership and channel-settings noise; none of it is something a responder said.
const SKIPPED_SUBTYPES = new Set([
  "channel_join",
  "channel_leave",
  "channel_purpose",
  "channel_topic",
  "channel_name",
  "channel_archive",
  "channel_unarchive",
  "group_join",
  "group_leave",
  "group_purpose",
  "group_topic",
  "group_name",
]);
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&" };

function fail(message: string, field?: string): Failure {
  return { ok: false, message, ...(field ? { field } : {}) };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pickString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === "string" && value.trim() !== "");
}

function readUserNames(users: unknown): Map<string, string> | Failure {
  const names = new Map<string, string>();
  if (users === undefined) return names;
  if (!Array.isArray(users)) return fail("users.json: expected a JSON array of users", "users");
  for (const user of users) {
    if (!isObject(user) || typeof user.id !== "string") continue;
    const profile = isObject(user.profile) ? user.profile : {};
    const name = pickString(user.real_name, profile.real_name, profile.display_name, user.name);
    if (name) names.set(user.id, name);
  }
  return names;
}

// The caller may hand over file text or already-parsed JSON; either way errors name the file.
function readJson(name: string, content: unknown): { value: unknown } | Failure {
  if (typeof content !== "string") return { value: content };
  try {
    return { value: JSON.parse(content) };
  } catch {
    return fail(`${name}: not valid JSON`, "files");
  }
}

/**
 * One pass, so that text the user typed as "&lt;@U1&gt;" decodes to the literal "<@U1>" instead of
 * being resolved as a mention, and a resolved name containing "&amp;" is not decoded again.
 */
function renderText(text: string, names: Map<string, string>): string {
  return text.replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>|&(lt|gt|amp);/g, (whole, id?: string, label?: string, entity?: string) => {
    if (entity) return ENTITIES[entity] ?? whole;
    const name = (id && names.get(id)) ?? label;
    return name ? `@${name}` : whole;
  });
}

// Alert bots often post an empty text with the content in attachments; shared files are worth a mention.
function renderMessage(message: Json, names: Map<string, string>): string {
  const parts = [typeof message.text === "string" ? renderText(message.text, names) : ""];
  const attachments = Array.isArray(message.attachments) ? message.attachments.filter(isObject) : [];
  if (!parts[0]) {
    for (const attachment of attachments) {
      const body = pickString(attachment.fallback, attachment.text, attachment.title);
      if (body) parts.push(renderText(body, names));
    }
  }
  for (const file of Array.isArray(message.files) ? message.files.filter(isObject) : []) {
    parts.push(`[file: ${pickString(file.title, file.name) ?? "untitled"}]`);
  }
  return parts.filter(Boolean).join("\n");
}

function findAuthor(message: Json, names: Map<string, string>): string {
  const profile = isObject(message.user_profile) ? message.user_profile : {};
  const botProfile = isObject(message.bot_profile) ? message.bot_profile : {};
  if (message.subtype === "bot_message" || (message.bot_id && !message.user)) {
    return pickString(message.username, botProfile.name, message.bot_id) ?? "bot";
  }
  const id = typeof message.user === "string" ? message.user : undefined;
  return (id && names.get(id)) ?? pickString(profile.real_name, profile.display_name, profile.name, id) ?? "unknown";
}

function tsToMillis(match: RegExpExecArray): number {
  return Number(match[1]) * 1000 + Math.floor(Number((match[2] ?? "").padEnd(6, "0")) / 1000);
}

/**
 * Parses the day files of a Slack channel export (`<channel>/YYYY-MM-DD.json`, each a JSON array of
 * messages) into chat_message items sorted by time. Replies are kept with their parent's ts.
 */
export function parseSlackExport(input: {
  files: { name: string; content: unknown }[];
  users?: unknown;
  channel?: string;
}): EvidenceParseOutcome {
  const files = input.files.map((file) => ({ ...file, name: file.name.replace(/\\/g, "/").replace(/^\.\//, "") }));
  const usersFile = files.find((file) => /^(org_)?users\.json$/.test(file.name.split("/").pop() ?? ""));
  const users = input.users !== undefined || !usersFile ? { value: input.users } : readJson(usersFile.name, usersFile.content);
  if ("ok" in users) return users;
  const names = readUserNames(users.value);
  if (!(names instanceof Map)) return names;

  const dayFiles = files.filter((file) => DAY_FILE.test(file.name.split("/").pop() ?? ""));
  if (dayFiles.length === 0) return fail("no day files found: expected <channel>/YYYY-MM-DD.json", "files");

  // Seconds and zero-padded microseconds: a Date only keeps milliseconds, ts keeps order exactly.
  const items = new Map<string, { item: ParsedEvidence; sortKey: [number, string] }>();
  for (const file of dayFiles) {
    const folders = file.name.split("/").slice(0, -1);
    const channel = input.channel?.replace(/^#/, "") || folders[folders.length - 1];
    if (!channel) return fail(`${file.name}: cannot tell the channel; name the file <channel>/YYYY-MM-DD.json`, "channel");
    const messages = readJson(file.name, file.content);
    if ("ok" in messages) return messages;
    if (!Array.isArray(messages.value)) return fail(`${file.name}: expected a JSON array of messages`, "files");

    for (const [index, message] of messages.value.entries()) {
      const where = `${file.name}[${index}]`;
      if (!isObject(message)) return fail(`${where}: expected a message object`, "files");
      if (message.type !== undefined && message.type !== "message") continue;
      if (typeof message.subtype === "string" && SKIPPED_SUBTYPES.has(message.subtype)) continue;
      if (message.ts === undefined || message.ts === null || message.ts === "") return fail(`${where}: message has no ts`, "ts");
      const ts = String(message.ts);
      const match = SLACK_TS.exec(ts);
      if (!match) return fail(`${where}: ts ${JSON.stringify(ts)} is not a Slack timestamp like "1795943231.000200"`, "ts");

      const threadTs = typeof message.thread_ts === "string" ? message.thread_ts : null;
      const dedupeKey = `slack:${channel}:${ts}`;
      if (items.has(dedupeKey)) continue;
      const item: ParsedEvidence = {
        kind: "chat_message",
        at: new Date(tsToMillis(match)),
        text: renderMessage(message, names),
        source: `Slack #${channel}`,
        dedupeKey,
        data: {
          author: findAuthor(message, names),
          ts,
          threadTs,
          // Slack marks a thread's parent with thread_ts equal to its own ts.
          isReply: threadTs !== null && threadTs !== ts,
          subtype: typeof message.subtype === "string" ? message.subtype : null,
        },
      };
      items.set(dedupeKey, { item, sortKey: [Number(match[1]), (match[2] ?? "").padEnd(6, "0")] });
    }
  }

  const sorted = [...items.values()].sort(
    (a, b) => a.sortKey[0] - b.sortKey[0] || a.sortKey[1].localeCompare(b.sortKey[1]) || a.item.source.localeCompare(b.item.source),
  );
  return { ok: true, items: sorted.map((entry) => entry.item) };
}

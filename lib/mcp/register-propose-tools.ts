import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { tagIncident } from "@/lib/incidents/tag-incident";
import { runTool } from "@/lib/mcp/run-tool";
import { proposeRevision } from "@/lib/reports/propose-revision";

const KEY = z.string().regex(/^INC-\d{1,9}$/i, "An incident key looks like INC-42.").describe("Incident key, e.g. INC-42");
const WRITE = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;
const URL = z.url({ protocol: /^https?$/ }).max(2000).describe("Link to the original: a log query, dashboard or message");

/**
 * The tools that add to an incident: evidence, timeline entries, a proposed draft revision and
 * tags. Nothing here approves, sends, or changes lists, users or tokens; a read-scoped token is
 * refused each of these by the permission check inside the verb.
 */
export function registerProposeTools(server: McpServer, ctx: Ctx, guard?: () => Promise<void>): void {
  const run = (body: () => Promise<unknown>) => runTool(body, guard, ctx);
  server.registerTool(
    "add_evidence",
    {
      title: "Add evidence",
      description: "Adds a finding to an incident's evidence: a chat excerpt, log lines, or a conclusion with its source. It is stored as machine-written evidence, can be cited, and triggers a re-draft.",
      inputSchema: {
        key: KEY,
        kind: z.enum(["chat", "log", "finding"]).describe("chat: an excerpt of a conversation; log: log lines; finding: what you concluded"),
        text: z.string().min(1).max(10_000),
        source: z.string().min(1).max(80).describe('Where it came from, e.g. "kubectl logs checkout-7f9" or "Slack #inc-42"'),
        url: URL.optional(),
        at: z.iso.datetime({ offset: true }).optional().describe("When it happened (ISO 8601); now when absent"),
      },
      annotations: WRITE,
    },
    ({ key, kind, text, source, url, at }) =>
      run(() => addEvidence(ctx, { key: key.toUpperCase(), evidence: { format: "note", text: kind === "finding" ? text : `${kind === "log" ? "Log lines" : "Chat excerpt"}:\n${text}`, source, url, at } })),
  );
  server.registerTool(
    "add_timeline_entry",
    {
      title: "Add a timeline entry",
      description: "Records something that happened at a given time (a deploy, a rollback, a decision), so the drafted timeline includes it.",
      inputSchema: { key: KEY, at: z.iso.datetime({ offset: true }).describe("When it happened (ISO 8601)"), text: z.string().min(1).max(2000), source: z.string().min(1).max(80).optional(), url: URL.optional() },
      annotations: WRITE,
    },
    ({ key, at, text, source, url }) => run(() => addEvidence(ctx, { key: key.toUpperCase(), evidence: { format: "note", text, at, source: source ?? "Agent", url } })),
  );
  server.registerTool(
    "propose_revision",
    {
      title: "Propose a draft revision",
      description:
        "Proposes new text for sections of the incident's report (summary, timeline, impact, rootCause, remediation, actionItems) or status update (status, currentImpact, latestDevelopment, nextUpdateAt). " +
        "Each section is its full content in the shape get_incident returns; every statement cites evidence ids of this incident. It becomes a new draft revision labelled as yours; a person reviews and approves it. Nothing is sent.",
      inputSchema: {
        key: KEY,
        kind: z.enum(["report", "status_update"]).default("report"),
        sections: z.record(z.string().max(40), z.unknown()).describe('Section name → full content, e.g. {"summary": {"statements": [{"text": "…", "citations": ["<evidence id>"]}]}}'),
        note: z.string().max(2000).optional().describe("Why, for the reviewer"),
      },
      annotations: WRITE,
    },
    ({ key, ...args }) => run(() => proposeRevision(ctx, { key: key.toUpperCase(), ...args })),
  );
  server.registerTool(
    "tag_incident",
    {
      title: "Tag an incident",
      description: "Adds and removes tags (lower case, no spaces), which distribution rules and filters read. The category stays a person's call.",
      inputSchema: { key: KEY, add: z.array(z.string().max(40)).max(30).optional(), remove: z.array(z.string().max(40)).max(30).optional() },
      annotations: { ...WRITE, idempotentHint: true },
    },
    ({ key, add, remove }) => run(() => tagIncident(ctx, { key: key.toUpperCase(), add, remove })),
  );
}

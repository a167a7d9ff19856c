import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { searchEvidence } from "@/lib/evidence/search-evidence";
import { getIncident } from "@/lib/incidents/get-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { runTool } from "@/lib/mcp/run-tool";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { REPORT_SECTION_SCHEMAS, STATUS_UPDATE_SECTION_SCHEMAS } from "@/lib/drafting/section-schemas";

const KEY = z.string().regex(/^INC-\d{1,9}$/i, "An incident key looks like INC-42.").describe("Incident key, e.g. INC-42");
const READ = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

/** The incident as an agent works with it: facts, the evidence (with the ids to cite) and the current drafts. */
async function incidentForAgent(ctx: Ctx, key: string) {
  const incident = await getIncident(ctx, { key: key.toUpperCase() });
  const { timeline, drafts } = incident;
  // Named fields only: recipients, e-mail addresses and thread ids do not go to a third party's model.
  const facts = (({ key, title, severity, category, status, services, tags, startedAt, detectedAt, acknowledgedAt, resolvedAt, mergedInto }) => ({ key, title, severity, category, status, services, tags, startedAt, detectedAt, acknowledgedAt, resolvedAt, mergedInto }))(incident);
  return {
    ...facts,
    commander: incident.commander?.name ?? null,
    evidence: (timeline ?? []).map((e) => ({ id: e.id, at: e.at, kind: e.kind, source: e.source, text: e.text, author: e.authorType === "human" ? (e.author?.name ?? "a person") : "machine" })),
    drafts: Object.fromEntries(
      Object.entries(drafts ?? {}).map(([kind, d]) => [kind, d && { number: d.number, state: d.state, version: d.version, sections: d.sections, origins: d.origins, suggestions: Object.keys(d.suggestions) }]),
    ),
  };
}

export function registerReadTools(server: McpServer, ctx: Ctx, guard?: () => Promise<void>): void {
  const run = (body: () => Promise<unknown>) => runTool(body, guard, ctx);
  server.registerTool(
    "list_incidents",
    {
      title: "List incidents",
      description: "Incidents newest first, with severity, status, services and tags. Filter by status, severity, category, open/closed or a text query on title, tag or service.",
      inputSchema: {
        status: z.array(z.enum(["triggered", "investigating", "identified", "monitoring", "resolved"])).max(5).optional(),
        severity: z.array(z.enum(["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"])).max(5).optional(),
        category: z.array(z.enum(["outage", "degradation", "security", "safety", "other"])).max(5).optional(),
        open: z.boolean().optional().describe("true: not resolved; false: resolved"),
        q: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      },
      annotations: READ,
    },
    (args) => run(() => listIncidents(ctx, { ...args, open: args.open === undefined ? undefined : args.open ? "true" : "false" })),
  );
  server.registerTool(
    "get_incident",
    { title: "Get an incident", description: "One incident: its facts, every piece of evidence with the id to cite, and the current report and status-update drafts with their citations.", inputSchema: { key: KEY }, annotations: READ },
    ({ key }) => run(() => incidentForAgent(ctx, key)),
  );
  server.registerTool(
    "search_evidence",
    {
      title: "Search evidence",
      description: "Evidence (alerts, chat, notes, changes, metrics) whose text contains the query, newest first, across incidents or in one; each result has the id to cite.",
      inputSchema: { query: z.string().min(2).max(200), key: KEY.optional(), limit: z.number().int().min(1).max(100).optional() },
      annotations: READ,
    },
    ({ key, ...args }) => run(() => searchEvidence(ctx, { ...args, key: key?.toUpperCase() })),
  );
  server.registerTool(
    "list_awaiting_review",
    { title: "List drafts awaiting review", description: "Draft revisions waiting for a person to review and approve: most severe first, then oldest.", inputSchema: {}, annotations: READ },
    () => run(async () => (await listReviewQueue(ctx, {})).map(({ id, kind, number, state, incident, proposedBy, createdAt, updatedAt }) => ({ id, kind, number, state, incident, proposedBy, createdAt, updatedAt }))),
  );
  server.registerResource(
    "incident",
    new ResourceTemplate("sitrep://incidents/{key}", { list: undefined }),
    { title: "Incident", description: "An incident with its evidence and current drafts, as JSON (the same as get_incident).", mimeType: "application/json" },
    async (uri, { key }) => (await guard?.(), { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(await incidentForAgent(ctx, String(key)), null, 2) }] }),
  );
  server.registerResource(
    "section-shapes",
    "sitrep://templates/sections",
    { title: "Section shapes", description: "JSON Schema of every report and status-update section: the shape propose_revision's sections take.", mimeType: "application/schema+json" },
    async (uri) => {
      await guard?.();
      const schema = (shape: Record<string, z.ZodType>) => z.toJSONSchema(z.object(shape).partial(), { unrepresentable: "any", io: "input" });
      return { contents: [{ uri: uri.href, mimeType: "application/schema+json", text: JSON.stringify({ report: schema(REPORT_SECTION_SCHEMAS), status_update: schema(STATUS_UPDATE_SECTION_SCHEMAS) }, null, 2) }] };
    },
  );
}

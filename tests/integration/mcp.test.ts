import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/authz";
import { getIncidentHistory } from "@/lib/history/get-incident-history";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createActorCtx } from "../helpers/actors";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { startMcpHttpServer } from "../helpers/mcp-server";
import { createMigratedDatabase } from "../helpers/migrated-database";

const TOOLS = ["add_evidence", "add_timeline_entry", "get_incident", "list_awaiting_review", "list_incidents", "propose_revision", "search_evidence", "tag_incident"];
const run = promisify(execFile);
const WRITE_TOOLS = ["add_evidence", "add_timeline_entry", "propose_revision", "tag_incident"];

let db: Db;
let url: string;
let drop: () => Promise<void>;
let mcp: Awaited<ReturnType<typeof startMcpHttpServer>>;
let tokens: { read: { id: string; token: string }; propose: { id: string; token: string }; responder: string };
let incident: Awaited<ReturnType<typeof createDraftedIncident>>;
let other: Awaited<ReturnType<typeof createDraftedIncident>>;
const enqueued: string[] = [];

type ToolAnswer = { isError?: boolean; content: { type: string; text: string }[] };
const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolAnswer;
const body = (answer: ToolAnswer) => JSON.parse(answer.content[0]!.text) as Record<string, unknown> & { error?: { code: string; message: string } };

/** Rows an agent could change, to prove a refused call wrote nothing (token.use and a recorded refusal are about the call, not its effect). */
async function footprint() {
  const [entries, revisions, approvals, deliveries, lists, users, apiTokens, audit, tags] = await Promise.all([
    db.timelineEntry.count(),
    db.reportRevision.findMany({ select: { id: true, state: true, version: true, contentHash: true }, orderBy: { id: "asc" } }),
    db.approval.count(),
    db.delivery.count(),
    db.distributionList.count(),
    db.user.count(),
    db.apiToken.count(),
    db.auditEvent.count({ where: { action: { notIn: ["token.use", "auth.permission_denied"] } } }),
    db.incident.findMany({ select: { id: true, tags: true, category: true, status: true }, orderBy: { id: "asc" } }),
  ]);
  return { entries, revisions, approvals, deliveries, lists, users, apiTokens, audit, tags };
}

beforeAll(async () => {
  ({ db, url, drop } = await createMigratedDatabase());
  incident = await createDraftedIncident(db, { tags: ["payments"] });
  other = await createDraftedIncident(db, { title: "Unrelated DNS incident" });
  const admin = { db, actor: SYSTEM_ACTOR };
  const read = await createApiToken(admin, { name: "claude-read", role: "AGENT", scope: "read" });
  const propose = await createApiToken(admin, { name: "claude-propose", role: "AGENT", scope: "propose" });
  tokens = { read, propose, responder: (await createApiToken(admin, { name: "ci", role: "RESPONDER" })).token };
  mcp = await startMcpHttpServer(db, enqueued);
});
afterAll(async () => {
  await mcp.close();
  await drop();
});

describe("the MCP server over HTTP", () => {
  it("lists the eight tools with descriptions and schemas; none approves, sends or manages anything", async () => {
    const client = await mcp.connect(tokens.read.token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(60);
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.name).not.toMatch(/approve|send|list_distribution|user|token|delete|revoke/);
    }
    expect(tools.find((t) => t.name === "get_incident")!.annotations?.readOnlyHint).toBe(true);
    await client.close();
  });

  it("reads incidents, evidence with the ids to cite, drafts and the review queue; a resource per incident", async () => {
    const client = await mcp.connect(tokens.read.token);
    const listed = body(await call(client, "list_incidents", { open: true, limit: 10 })) as unknown as { key: string }[];
    expect(listed.map((i) => i.key)).toEqual(expect.arrayContaining([incident.key, other.key]));
    const got = body(await call(client, "get_incident", { key: incident.key.toLowerCase() })) as unknown as { key: string; evidence: { id: string; text: string }[]; drafts: { report: { number: number; sections: { summary: unknown } } } };
    expect(got.key).toBe(incident.key);
    expect(got.evidence.length).toBeGreaterThan(5);
    expect(got.drafts.report).toMatchObject({ number: 1, sections: { summary: expect.anything() } });
    const found = body(await call(client, "search_evidence", { query: "502", key: incident.key })) as unknown as { incident: string; id: string }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.incident === incident.key && got.evidence.some((e) => e.id === f.id))).toBe(true);
    const queue = body(await call(client, "list_awaiting_review", {})) as unknown as { incident: { key: string } }[];
    expect(JSON.stringify(queue)).toContain(incident.key);
    const resource = await client.readResource({ uri: `sitrep://incidents/${incident.key}` });
    expect(JSON.parse((resource.contents[0] as { text: string }).text)).toMatchObject({ key: incident.key });
    await client.close();
  });

  it("refuses every write tool to a read-only token, with the reason, and writes nothing", async () => {
    const client = await mcp.connect(tokens.read.token);
    const before = await footprint();
    for (const name of WRITE_TOOLS) {
      const answer = await call(client, name, validArgs(name));
      expect(answer.isError, name).toBe(true);
      expect(body(answer).error, name).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("read-only") });
    }
    expect(await footprint()).toEqual(before);
    // Each refusal is on record, once a minute per permission, with the token as actor.
    expect(await db.auditEvent.findMany({ where: { action: "auth.permission_denied", actorId: tokens.read.id }, select: { targetId: true } })).toEqual(
      expect.arrayContaining([{ targetId: "MCP tool call (evidence.create)" }, { targetId: "MCP tool call (drafts.propose)" }, { targetId: "MCP tool call (incidents.tag)" }]),
    );
    await client.close();
  });

  it("offers the section shapes propose_revision takes as a JSON Schema resource", async () => {
    const client = await mcp.connect(tokens.read.token);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain("sitrep://templates/sections");
    const shapes = JSON.parse(((await client.readResource({ uri: "sitrep://templates/sections" })).contents[0] as { text: string }).text) as { report: { properties: Record<string, unknown> }; status_update: { properties: Record<string, unknown> } };
    expect(Object.keys(shapes.report.properties).sort()).toEqual(["actionItems", "impact", "remediation", "rootCause", "summary", "timeline"]);
    expect(Object.keys(shapes.status_update.properties).sort()).toEqual(["currentImpact", "latestDevelopment", "nextUpdateAt", "status"]);
    await client.close();
  });

  it("lets a propose token add evidence, a timeline entry, tags and a draft revision, each audited as the token and in the history", async () => {
    const client = await mcp.connect(tokens.propose.token);
    const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.incident.id, kind: "trigger" } });
    expect(body(await call(client, "add_evidence", { key: incident.key, kind: "log", text: "upstream connect error x 312", source: "kubectl logs checkout-7f9", url: "https://logs.example.com/q/1" }))).toMatchObject({ added: 1 });
    const entry = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: incident.incident.id, source: { endsWith: "kubectl logs checkout-7f9" } } });
    // Whatever source the agent names, the entry says it is the agent's.
    expect(entry).toMatchObject({ source: "Agent claude-propose · kubectl logs checkout-7f9", authorType: "machine", kind: "note", text: "Log lines:\nupstream connect error x 312", data: { url: "https://logs.example.com/q/1", agent: { tokenId: tokens.propose.id } } });
    expect(body(await call(client, "add_timeline_entry", { key: incident.key, at: "2026-11-29T10:20:00Z", text: "Feature flag checkout-v2 turned off" }))).toMatchObject({ added: 1 });
    expect(body(await call(client, "tag_incident", { key: incident.key, add: ["Envoy", "checkout"], remove: ["payments"] }))).toMatchObject({ tags: ["checkout", "envoy"], changed: true });
    const summary = { statements: [{ text: "Checkout failed for 40 minutes after the v2.31.0 deploy.", citations: [trigger.id, entry.id] }] };
    const proposed = body(await call(client, "propose_revision", { key: incident.key, sections: { summary }, note: "Tightened the summary" }));
    expect(proposed).toMatchObject({ kind: "report", number: 2, state: "draft", sections: ["summary"], basedOn: 1 });
    const revision = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.incident.id, kind: "report", number: 2 } });
    expect(revision).toMatchObject({ authorType: "machine", authorTokenId: tokens.propose.id, basedOnId: incident.revision.id });
    expect(revision.meta).toMatchObject({ origins: { summary: "agent" }, agent: { tokenId: tokens.propose.id, note: "Tightened the summary", sections: ["summary"] } });
    expect((revision.sections as { summary: unknown }).summary).toEqual(summary);
    expect(enqueued).toContain(incident.incident.id);

    const audit = await db.auditEvent.findMany({ where: { incidentId: incident.incident.id, actorId: tokens.propose.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["evidence.add", "evidence.add", "incident.tag", "revision.propose"]);
    expect(audit.every((e) => e.actorType === "token" && e.actorLabel.startsWith("token claude-propose") && e.requestId)).toBe(true);
    const history = await getIncidentHistory(await createActorCtx(db, "COMMANDER"), { key: incident.key });
    expect(history.thread.filter((i) => i.title === "Agent proposed report r2")).toEqual([expect.objectContaining({ actor: { kind: "machine", label: "claude-propose", detail: "agent" } })]);
    await client.close();
  });

  it("answers bad input with a structured error and writes nothing", async () => {
    const client = await mcp.connect(tokens.propose.token);
    const before = await footprint();
    const foreign = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: other.incident.id } });
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["get_incident", { key: "INC-999999" }, /No incident INC-999999/],
      ["add_evidence", { key: "INC-999999", kind: "finding", text: "x", source: "me" }, /No incident/],
      ["propose_revision", { key: incident.key, sections: { summary: { statements: [{ text: "Cites another incident", citations: [foreign.id] }] } } }, /Citations must be .*not found on it/],
      ["propose_revision", { key: incident.key, sections: { verdict: "guilty" } }, /has no section .*verdict/],
      ["propose_revision", { key: incident.key, sections: { rootCause: { status: "confirmed", candidates: [], statements: [] } } }, /Only a COMMANDER or ADMIN confirms/],
      ["tag_incident", { key: incident.key, add: ["no spaces allowed"] }, /letters, digits/],
      ["add_timeline_entry", { key: incident.key, at: "yesterday", text: "x" }, /Invalid|datetime|ISO/i],
      ["add_evidence", { key: incident.key, kind: "log" }, /Invalid|Required|expected/i],
      ["search_evidence", { query: "x".repeat(500) }, /200|too_big|Too big/i],
    ];
    for (const [name, args, reason] of cases) {
      const answer = await call(client, name, args).catch((error: unknown) => ({ isError: true, content: [{ type: "text", text: JSON.stringify({ error: { code: "RPC", message: String(error) } }) }] }));
      expect(answer.isError, `${name} ${JSON.stringify(args).slice(0, 80)}`).toBe(true);
      expect(answer.content[0]!.text, name).toMatch(reason);
    }
    // An oversized payload is refused before it is parsed.
    await expect(call(client, "add_evidence", { key: incident.key, kind: "finding", source: "me", text: "x".repeat(600 * 1024) })).rejects.toThrow(/413|larger than/);
    expect(await footprint()).toEqual(before);
    await client.close();
  });

  it("lets in AGENT tokens only", async () => {
    await expect(mcp.connect(tokens.responder)).rejects.toThrow(/403|AGENT tokens/);
    await expect(mcp.connect("sitrep_not-a-real-token")).rejects.toThrow(/401|unknown/);
    const bare = await fetch(mcp.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{}" });
    expect(bare.status).toBe(401);
    expect(bare.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("has no path to the gate in its code: the MCP modules import no approve, send, list, user or token verb", () => {
    const dir = path.resolve(import.meta.dirname, "../../lib/mcp");
    const imports = readdirSync(dir).flatMap((file) => [...readFileSync(path.join(dir, file), "utf8").matchAll(/from "(@\/lib\/[^"]+)"/g)].map((m) => m[1]!));
    expect(imports.filter((lib) => /reviews\/(approve|reject|request)|deliveries\/|distribution\/|users\/|tokens\/(create|revoke)|integrations\/|settings/.test(lib))).toEqual([]);
  });

  it("cannot reach the gate, whatever arguments a tool is given", async () => {
    const client = await mcp.connect(tokens.propose.token);
    const report = await db.reportRevision.findFirstOrThrow({ where: { incidentId: other.incident.id, kind: "report" } });
    const hostile = { approve: true, send: true, state: "approved", revisionId: report.id, version: report.version, approvalId: "x", recipients: ["attacker@example.com"], role: "ADMIN" };
    for (const name of TOOLS) {
      for (const args of [validArgs(name, other.key), { ...validArgs(name, other.key), ...hostile }, hostile, {}]) {
        await call(client, name, args).catch(() => undefined);
      }
    }
    // Proposals may even carry approval-shaped fields inside a section: they are content, never state.
    await call(client, "propose_revision", { key: other.key, kind: "report", sections: { summary: { statements: [{ text: "Approved and sent.", citations: [], state: "approved" }] }, state: "sent" } }).catch(() => undefined);
    expect(await db.approval.count()).toBe(0);
    expect(await db.delivery.count()).toBe(0);
    expect(await db.reportRevision.count({ where: { state: { in: ["approved", "sent"] } } })).toBe(0);
    expect(await db.distributionList.count()).toBe(0);
    expect(await db.apiToken.count()).toBe(3); // the three made in beforeAll
    expect(await db.auditEvent.count({ where: { action: { in: ["revision.approve", "revision.send", "token.create", "user.create", "user.role_change", "distribution_list.create"] }, actorType: "token" } })).toBe(0);
    await client.close();
  });
});

describe("the MCP server over stdio (npm run sitrep -- mcp)", () => {
  it("serves the same tools as the AGENT token in SITREP_TOKEN, and refuses to start without one", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
    const stdioToken = await createApiToken({ db, actor: SYSTEM_ACTOR }, { name: "desktop", role: "AGENT", scope: "read" });
    const client = new Client({ name: "stdio-test", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: "node_modules/.bin/tsx", args: ["scripts/sitrep.ts", "mcp"], env: { ...(env as Record<string, string>), SITREP_TOKEN: stdioToken.token }, stderr: "pipe" }));
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(TOOLS);
    expect(body(await call(client, "get_incident", { key: incident.key }))).toMatchObject({ key: incident.key });
    expect(body(await call(client, "tag_incident", { key: incident.key, add: ["stdio"] })).error).toMatchObject({ code: "FORBIDDEN" });
    // Revoking the token ends a running session's access at its next call.
    await db.apiToken.update({ where: { id: stdioToken.id }, data: { revokedAt: new Date() } });
    expect(body(await call(client, "get_incident", { key: incident.key })).error).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("revoked") });
    await client.close();
    const refused = await run("node_modules/.bin/tsx", ["scripts/sitrep.ts", "mcp"], { env: { ...env, SITREP_TOKEN: tokens.responder }, timeout: 60_000 }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining("MCP is for AGENT tokens") });
  }, 120_000);
});

function validArgs(name: string, key = incident.key): Record<string, unknown> {
  switch (name) {
    case "add_evidence":
      return { key, kind: "finding", text: "The pool was exhausted", source: "analysis" };
    case "add_timeline_entry":
      return { key, at: "2026-11-29T10:30:00Z", text: "Rolled back" };
    case "propose_revision":
      return { key, sections: { remediation: { statements: [{ text: "Rolled back to v2.30.4.", citations: [] }] } } };
    case "tag_incident":
      return { key, add: ["agent-tagged"] };
    case "get_incident":
      return { key };
    case "search_evidence":
      return { query: "error" };
    default:
      return {};
  }
}

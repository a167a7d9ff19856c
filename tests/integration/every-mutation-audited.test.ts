import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Severity } from "@/generated/prisma/enums";
import type { AuditEvent } from "@/generated/prisma/client";
import { findOrCreateOidcUser } from "@/lib/auth/find-or-create-oidc-user";
import { revokeUserSession } from "@/lib/auth/revoke-user-session";
import { startUserSession } from "@/lib/auth/start-user-session";
import { SYSTEM_ACTOR } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { deleteDistributionList } from "@/lib/distribution/delete-distribution-list";
import { saveDistributionList } from "@/lib/distribution/save-distribution-list";
import { updateIncidentRecipients } from "@/lib/distribution/update-incident-recipients";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { classifyIncident } from "@/lib/incidents/classify-incident";
import { correctIncidentMilestone } from "@/lib/incidents/correct-incident-milestone";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { mergeIncidents } from "@/lib/incidents/merge-incidents";
import { recomputeIncidentState } from "@/lib/incidents/recompute-incident-state";
import { splitIncident } from "@/lib/incidents/split-incident";
import { replayRawEvents } from "@/lib/ingest/replay-raw-events";
import { updateIntegration } from "@/lib/integrations/update-integration";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { rejectRevision } from "@/lib/reviews/reject-revision";
import { requestRevisionChanges } from "@/lib/reviews/request-revision-changes";
import { resolveSuggestion } from "@/lib/reviews/resolve-suggestion";
import { updateReviewPolicy } from "@/lib/reviews/update-review-policy";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { revokeShareLink } from "@/lib/stakeholder/revoke-share-link";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { handleMcpRequest } from "@/lib/mcp/handle-mcp-request";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { createUser } from "@/lib/users/create-user";
import { hashPassword } from "@/lib/users/password";
import { updateUserRole } from "@/lib/users/update-user-role";
import { createActorCtx } from "../helpers/actors";
import { approveDraftedIncident, createSendingLists } from "../helpers/approved-incident";
import { createDraftedIncident } from "../helpers/drafted-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { createWebhookClient, readFixture, signPagerDuty } from "../helpers/webhooks";

/**
 * The issue: every mutation produces exactly one audit event. The walk below finds every lib
 * module an entry point can reach (server actions, mutating API routes, scripts/: the CLI and
 * `npm start`, which migrates and seeds); the table says
 * what each one is. A new module without a row fails here, so a new action cannot skip its audit
 * scenario, and a row the walk no longer finds fails too, so the table stays true.
 */

// The share-link verbs sign their tokens with AUTH_SECRET.
process.env.AUTH_SECRET ??= "every-mutation-audited-test-secret-0123456789";
const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPTS = "scripts";
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Measure = <T>(ctx: Ctx | null, verb: () => Promise<T>) => Promise<T>;
/** `audits`: the actions the verb must write, in order; one, unless a comment says why not. */
type Scenario = { audits: string | string[]; mutation: (measure: Measure) => Promise<void> };
type Entry = Scenario | { cases: Record<string, Scenario> } | { notAMutation: string } | { exempt: string };

let db: Db;
let drop: () => Promise<void>;
const ORIGIN = "https://sitrep.example.com";
/** What scripts/sitrep.ts acts as; its ctx has no request id. */
const CLI_ACTOR = { type: "system", id: null, label: "cli (test)", role: "ADMIN" } as const;

const TABLE: Record<string, Entry> = {
  // Incidents and evidence (the incident page's server actions, POST /api/incidents/{key}/evidence)
  "@/lib/evidence/add-evidence": {
    audits: "evidence.add",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("RESPONDER"), createAlertIncident()]);
      await measure(ctx, () => addEvidence(ctx, { key, evidence: { format: "note", text: "Rolled back the deploy." } }));
    },
  },
  "@/lib/incidents/classify-incident": {
    audits: "incident.classify",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("RESPONDER"), createAlertIncident()]);
      await measure(ctx, () => classifyIncident(ctx, { key, category: "outage", tags: "payments" }));
    },
  },
  "@/lib/incidents/correct-incident-milestone": {
    audits: "incident.milestone_correct",
    mutation: async (measure) => {
      const [ctx, { key, at }] = await Promise.all([as("COMMANDER"), createAlertIncident()]);
      await measure(ctx, () => correctIncidentMilestone(ctx, { key, milestone: "acknowledgedAt", at: at(10).toISOString(), reason: "paged by phone first" }));
    },
  },
  "@/lib/incidents/merge-incidents": {
    // One row on the survivor naming the merged incident as its target (both histories and the
    // /audit incident filter match either). The survivor's new severity rides on that row, not on
    // a second, request-less incident.update from recomputeIncidentState.
    audits: "incident.merge",
    mutation: async (measure) => {
      const ctx = await as("RESPONDER");
      // A later duplicate that paged at a higher priority: the survivor's severity follows it.
      const target = await createAlertIncident({ alerts: [{ key: "a", minutes: 0, severity: "SEV3" }] });
      const source = await createAlertIncident({ alerts: [{ key: "b", minutes: 5, severity: "SEV2" }] });
      await measure(ctx, () => mergeIncidents(ctx, { sourceKey: source.key, targetKey: target.key }));
    },
  },
  "@/lib/incidents/split-incident": {
    // One row on the source naming the new incident as its target (as for a merge); both
    // incidents' derived times ride on it, not on request-less incident.update rows.
    audits: "incident.split",
    mutation: async (measure) => {
      const ctx = await as("RESPONDER");
      // The usual case: a second alert that was correlated by mistake is split back out.
      const { id, key } = await createAlertIncident({ alerts: [{ key: "a", minutes: 0 }, { key: "b", minutes: 5 }] });
      const stray = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: id, text: "Alert b firing" } });
      await measure(ctx, () => splitIncident(ctx, { key, entryIds: [stray.id], title: "Search latency" }));
    },
  },
  "@/lib/distribution/update-incident-recipients": {
    audits: "incident.recipients",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("COMMANDER"), createAlertIncident()]);
      await measure(ctx, () => updateIncidentRecipients(ctx, { key, extraRecipients: "partner@example.com", excludedRecipients: "" }));
    },
  },
  "@/lib/stakeholder/create-share-link": {
    audits: "share_link.create",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("COMMANDER"), createAlertIncident()]);
      await measure(ctx, () => createShareLink(ctx, { key, label: "Customer success" }));
    },
  },
  "@/lib/stakeholder/revoke-share-link": {
    audits: "share_link.revoke",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("COMMANDER"), createAlertIncident()]);
      const link = await createShareLink(ctx, { key, label: "Exec team" });
      await measure(ctx, () => revokeShareLink(ctx, { id: link.id }));
    },
  },

  // Review and send (PUT/POST /api/revisions/{id}/...)
  "@/lib/reports/update-draft-section": {
    audits: "revision.edit",
    mutation: async (measure) => {
      const [ctx, { revision, trigger }] = await Promise.all([as("RESPONDER"), draftedWithTrigger()]);
      const content = { statements: [{ text: "Card payments failed for 40 minutes.", citations: [trigger.id] }] };
      await measure(ctx, () => updateDraftSection(ctx, { revisionId: revision.id, section: "summary", content, version: revision.version }));
    },
  },
  "@/lib/reviews/approve-revision": {
    audits: "revision.approve",
    mutation: async (measure) => {
      const [ctx, { revision }] = await Promise.all([as("COMMANDER"), createDraftedIncident(db)]);
      await measure(ctx, () => approveRevision(ctx, { revisionId: revision.id, version: revision.version }));
    },
  },
  "@/lib/reviews/reject-revision": {
    audits: "revision.reject",
    mutation: async (measure) => {
      const [ctx, { revision }] = await Promise.all([as("COMMANDER"), createDraftedIncident(db)]);
      await measure(ctx, () => rejectRevision(ctx, { revisionId: revision.id, version: revision.version, reason: "Names the wrong service." }));
    },
  },
  "@/lib/reviews/request-revision-changes": {
    audits: "revision.request_changes",
    mutation: async (measure) => {
      const [ctx, { revision }] = await Promise.all([as("COMMANDER"), createDraftedIncident(db)]);
      await measure(ctx, () => requestRevisionChanges(ctx, { revisionId: revision.id, version: revision.version, reason: "Say when it started." }));
    },
  },
  "@/lib/reviews/resolve-suggestion": {
    audits: "revision.accept_suggestion",
    mutation: async (measure) => {
      const ctx = await as("RESPONDER");
      const { revisionId, version } = await revisionWithSuggestion(ctx, "remediation");
      await measure(ctx, () => resolveSuggestion(ctx, { revisionId, section: "remediation", version, decision: "accept" }));
    },
  },
  "@/lib/reviews/record-review-presence": {
    exempt: "the review page's heartbeat (who has the draft open, what they last saw): bookkeeping, not a change to the incident; its doc comment says it writes no audit row, like a token's last-used time",
  },
  "@/lib/deliveries/send-revision": {
    audits: "revision.send",
    mutation: async (measure) => {
      const { revision, commander } = await approveDraftedIncident(db);
      const options = { emailFrom: "Sitrep <incidents@status.example.com>", enqueue: async () => {} };
      await measure(commander, () => sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, options));
    },
  },

  // Settings (ADMIN server actions)
  "@/lib/distribution/save-distribution-list": {
    audits: "distribution_list.create",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      await measure(ctx, () => saveDistributionList(ctx, { name: "On-call leads", recipients: "leads@example.com" }));
    },
  },
  "@/lib/distribution/delete-distribution-list": {
    audits: "distribution_list.delete",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      const list = await db.distributionList.create({ data: { name: "Retired list", recipients: ["old@example.com"] } });
      await measure(ctx, () => deleteDistributionList(ctx, { id: list.id }));
    },
  },
  "@/lib/integrations/update-integration": {
    audits: "integration.generate_token",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      await measure(ctx, () => updateIntegration(ctx, { sender: "datadog", op: "generate_token" }));
    },
  },
  "@/lib/reviews/update-review-policy": {
    audits: "review_policy.update",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      // SEV5: no other scenario drafts one, so the two-person rule changes nothing else here.
      await measure(ctx, () => updateReviewPolicy(ctx, { severity: "SEV5", twoPersonRule: true }));
    },
  },
  "@/lib/tokens/create-api-token": {
    audits: "token.create",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      await measure(ctx, () => createApiToken(ctx, { name: "status page", role: "VIEWER" }));
    },
  },
  "@/lib/tokens/revoke-api-token": {
    audits: "token.revoke",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      const token = await createApiToken(ctx, { name: "leaked", role: "VIEWER" });
      await measure(ctx, () => revokeApiToken(ctx, { tokenId: token.id }));
    },
  },
  "@/lib/users/create-user": {
    audits: "user.create",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      await measure(ctx, () => createUser(ctx, { email: "new.hire@example.com", name: "New Hire", role: "RESPONDER", password: "a long enough password" }));
    },
  },
  "@/lib/users/update-user-role": {
    audits: "user.role_change",
    mutation: async (measure) => {
      const [ctx, someone] = await Promise.all([as("ADMIN"), as("RESPONDER")]);
      await measure(ctx, () => updateUserRole(ctx, { userId: someone.actor.id, role: "COMMANDER" }));
    },
  },

  // Signing in and out (the login page's actions, /api/auth/*, the sign-out action)
  "@/lib/auth/auth": {
    // Auth.js callbacks only run inside a Next.js request, so each case makes the calls that
    // lib/auth/auth.ts makes for that provider, in the same order. /audit promises sign-ins, so
    // both providers must write one.
    cases: {
      "password sign-in": {
        audits: "auth.sign_in",
        mutation: async (measure) => {
          const { email, password } = await createUserWithPassword();
          await measure(null, async () => {
            const result = await authenticateUser(db, { email, password }); // Credentials.authorize
            if (result.ok) await startUserSession(db, result.user.id); // the jwt callback
          });
        },
      },
      "OIDC sign-in of a known user": {
        audits: "auth.sign_in",
        mutation: async (measure) => {
          const { email } = await createUserWithPassword();
          const profile = { email, name: "Known User", email_verified: true };
          await measure(null, async () => {
            await findOrCreateOidcUser(db, profile, { defaultRole: "VIEWER" }); // the signIn callback
            const user = await findOrCreateOidcUser(db, profile, { defaultRole: "VIEWER" }); // the jwt callback
            if (user) await startUserSession(db, user.id, { via: { provider: "oidc", email: user.email } });
          });
        },
      },
    },
  },
  "@/lib/auth/revoke-user-session": {
    audits: "auth.sign_out",
    mutation: async (measure) => {
      const { actor } = await as("RESPONDER");
      const sessionId = await startUserSession(db, actor.id);
      await measure(null, () => revokeUserSession(db, actor, sessionId));
    },
  },

  // Webhooks and the CLI
  "@/lib/ingest/handle-webhook-request": {
    // The route only stores the delivery verbatim (the RawEvent is its own record); the change to
    // incidents is made, and audited, when the worker processes it. So both are measured together.
    audits: "incident.create",
    mutation: async (measure) => {
      const secret = "pd-signing-secret-for-audit-walk";
      await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [secret] } });
      const body = fixtureFor("pagerduty", "01-triggered.json", "webhook-api");
      const client = createWebhookClient(db);
      await measure(null, async () => {
        await client.post("pagerduty", body, { "x-pagerduty-signature": signPagerDuty(body, secret) });
        await client.drain();
      });
    },
  },
  "@/lib/ingest/replay-raw-events": {
    // `events:replay` rewrites stored history from the raw deliveries (after a parser fix): one
    // raw_event.replay row says who ran it and what it did.
    audits: "raw_event.replay",
    mutation: async (measure) => {
      const token = "whk_token_for_the_audit_walk_00000";
      await db.integration.create({ data: { sender: "alertmanager", name: "Alertmanager", tokens: [token] } });
      const client = createWebhookClient(db);
      await client.post("alertmanager", fixtureFor("alertmanager", "firing.json", "replay-api"), { authorization: `Bearer ${token}` });
      await client.drain();
      // What an older parser left behind: the replay rewrites it from the stored delivery.
      const { id: rawEventId } = await db.rawEvent.findFirstOrThrow({ where: { sender: "alertmanager" } });
      await db.timelineEntry.updateMany({ where: { rawEventId }, data: { text: "HighErrorRate (parsed by the old parser)" } });
      await measure(null, () => replayRawEvents(db, { actor: CLI_ACTOR, sender: "alertmanager" }));
      expect(await db.timelineEntry.count({ where: { rawEventId, text: { contains: "old parser" } } }), "the replay rewrote history").toBe(0);
    },
  },
  "@/lib/mcp/handle-mcp-request": {
    // POST /api/mcp: each write tool is one lib verb; the token's own use (token.use, once a minute)
    // is authentication, claimed before the scenario measures.
    cases: Object.fromEntries(
      (
        [
          ["add_evidence", "evidence.add", (key: string) => ({ key, kind: "finding", text: "Pool exhausted", source: "analysis" })],
          ["add_timeline_entry", "evidence.add", (key: string) => ({ key, at: "2026-11-29T10:30:00Z", text: "Rolled back" })],
          ["tag_incident", "incident.tag", (key: string) => ({ key, add: ["agent-tagged"] })],
          ["propose_revision", "revision.propose", (key: string) => ({ key, sections: { remediation: { statements: [{ text: "Rolled back.", citations: [] }] } } })],
        ] as const
      ).map(([tool, audits, args]) => [
        `MCP ${tool}`,
        {
          audits,
          mutation: async (measure: Measure) => {
            const { key } = await createDraftedIncident(db);
            const { token } = await createApiToken({ db, actor: SYSTEM_ACTOR }, { name: `agent-${tool}`, role: "AGENT", scope: "propose" });
            await authenticateToken(db, token);
            const call = { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: tool, arguments: args(key) } };
            const request = () => new Request("http://sitrep.test/api/mcp", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify(call) });
            const response = await measure(null, async () => (await handleMcpRequest(request(), { db, enqueueRedraft: async () => {} })).json());
            expect(JSON.stringify(response)).not.toContain('"isError":true');
          },
        },
      ]),
    ),
  },
  "@/lib/mcp/serve-mcp-stdio": { notAMutation: "the same server and tools as /api/mcp over stdio (npm run sitrep -- mcp); their writes are measured through handle-mcp-request" },
  "@/lib/tokens/schemas": { notAMutation: "zod schemas" },
  "@/lib/seed/seed-demo": {
    // `db:seed` is one demo.seed event; then the drafter writes each demo incident's first report
    // and status update as it does for any incident, one revision.draft each, as the drafter.
    audits: ["demo.seed", "revision.draft", "revision.draft", "revision.draft", "revision.draft"],
    mutation: async (measure) => {
      await measure(null, () => seedDemo(db, { actor: CLI_ACTOR }));
    },
  },
  "@/lib/database/prepare-database": {
    exempt: "db:migrate changes the schema, not data, and runs as the table owner before the app (and possibly before the AuditEvent table exists); Prisma's _prisma_migrations table records each applied migration",
  },

  // Not mutations
  "@/lib/audit/verify-audit-chain": { notAMutation: "reads the audit chain (audit:verify)" },
  "@/lib/audit/verify-audit-log": { notAMutation: "reads the audit chain (the Verify chain button)" },
  "@/lib/auth/require-page-ctx": { notAMutation: "builds a page's or action's ctx from the session; its one write is the auth.permission_denied row for a refused role (audit.test.ts)" },
  "@/lib/auth/safe-callback-url": { notAMutation: "pure: checks a sign-in redirect target" },
  "@/lib/http/api-route": { notAMutation: "HTTP wrapper: authenticates, maps errors; its writes are the auth.permission_denied row for a refused role (audit.test.ts) and, through the token check, token.use once a minute (api-tokens.test.ts)" },
  "@/lib/http/public-origin": { notAMutation: "HTTP helper: reads the public origin" },
  "@/lib/http/read-json-body": { notAMutation: "HTTP helper: parses a request body" },
  "@/lib/http/run-action": { notAMutation: "server-action wrapper: maps errors to form state" },
  "@/lib/evidence/read-evidence-form": { notAMutation: "pure: turns the upload form into evidence input" },
  "@/lib/users/schemas": { notAMutation: "zod schemas" },
  "@/lib/errors": { notAMutation: "error types" },
  "@/lib/env": { notAMutation: "reads and validates the environment" },
  "@/lib/db": { notAMutation: "creates the Prisma client" },
  "@/lib/ingest/parse-since": { notAMutation: "pure: parses --since" },
  "@/lib/ingest/senders": { notAMutation: "the table of webhook senders and their parsers" },
};

const walked = walkEntryPoints();

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  await createSendingLists(db);
});
afterAll(() => drop());

describe("the walk of actions, mutating routes and scripts", () => {
  it("finds the entry points and the lib modules they import", () => {
    expect(walked.get("@/lib/incidents/classify-incident")).toContain("app/(app)/incidents/[key]/actions.ts");
    expect(walked.get("@/lib/deliveries/send-revision")).toContain("app/api/revisions/[id]/send/route.ts");
    expect(walked.get("@/lib/seed/seed-demo")).toEqual(["scripts/sitrep.ts", "scripts/start.ts"]);
    // GET-only routes are reads: their verbs stay out of the table.
    expect(walked.has("@/lib/audit/list-audit-events")).toBe(false);
  });

  it("has a table row for every module it finds", () => {
    const missing = [...walked].filter(([lib]) => !Object.hasOwn(TABLE, lib)).map(([lib, by]) => `${lib} (imported by ${by.join(", ")})`);
    expect(missing, `Not in TABLE; add an audit scenario, or say why it is not a mutation:\n  ${missing.join("\n  ")}`).toEqual([]);
  });

  it("has no row for a module it no longer finds", () => {
    const stale = Object.keys(TABLE).filter((lib) => !walked.has(lib));
    expect(stale, `In TABLE but imported by no action, mutating route or script; remove or fix:\n  ${stale.join("\n  ")}`).toEqual([]);
  });
});

describe("every mutation writes exactly one audit event", () => {
  for (const [lib, entry] of Object.entries(TABLE)) {
    const cases = "cases" in entry ? Object.entries(entry.cases) : "mutation" in entry ? [["", entry] as const] : [];
    for (const [name, scenario] of cases) {
      it(`${lib}${name && `: ${name}`}`, () => checkScenario(scenario), 120_000);
    }
  }
});

/** Runs the scenario, then checks what its one measured verb call added to the audit log. */
async function checkScenario(scenario: Scenario) {
  const runs: { ctx: Ctx | null; added: number; events: AuditEvent[] }[] = [];
  await scenario.mutation(async (ctx, verb) => {
    const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const before = await db.auditEvent.count();
    const result = await verb();
    const added = (await db.auditEvent.count()) - before;
    runs.push({ ctx, added, events: await db.auditEvent.findMany({ where: { id: { gt: last?.id ?? -1n } }, orderBy: { id: "asc" } }) });
    return result;
  });
  expect(runs, "a scenario measures exactly one verb call").toHaveLength(1);
  const { ctx, added, events } = runs[0]!;
  const expected = [scenario.audits].flat();
  const written = events.map((e) => `${e.action} by ${e.actorLabel} on ${e.targetType} ${e.targetId ?? "-"}, requestId ${e.requestId ?? "none"}`);
  expect(events.map((e) => e.action), `wrote ${added} audit events:\n  ${written.join("\n  ")}`).toEqual(expected);
  expect(added).toBe(expected.length);
  if (ctx?.requestId) expect(events.map((e) => e.requestId), `every event carries the request id:\n  ${written.join("\n  ")}`).toEqual(expected.map(() => ctx.requestId));
}

/** Every `@/lib/...` module (value imports only) of each server action, mutating route and script, with who imports it. */
function walkEntryPoints(): Map<string, string[]> {
  const files = readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => ["actions.ts", "route.ts"].includes(path.basename(file)))
    .map((file) => path.join("app", file))
    .map((file) => ({ file, source: ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true) }))
    .filter(({ file, source }) => path.basename(file) === "actions.ts" || exportedNames(source).some((name) => MUTATING.has(name)));
  for (const file of readdirSync(path.join(ROOT, SCRIPTS)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort()) {
    const script = path.join(SCRIPTS, file);
    files.push({ file: script, source: ts.createSourceFile(script, readFileSync(path.join(ROOT, script), "utf8"), ts.ScriptTarget.Latest, true) });
  }
  const modules = new Map<string, string[]>();
  for (const { file, source } of files) {
    for (const lib of libImports(source)) modules.set(lib, [...(modules.get(lib) ?? []), file.split(path.sep).join("/")]);
  }
  return modules;
}

function exportedNames(source: ts.SourceFile): string[] {
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && Boolean(ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
  const bound = (name: ts.BindingName): string[] => (ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => (ts.isBindingElement(e) ? bound(e.name) : [])));
  return source.statements.flatMap((statement) => {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) return [statement.name.text];
    if (ts.isVariableStatement(statement) && isExported(statement)) return statement.declarationList.declarations.flatMap((d) => bound(d.name));
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) return statement.exportClause.elements.map((e) => e.name.text);
    return [];
  });
}

/** Static, re-exported and dynamic imports of `@/lib/...`; `import type` cannot run a verb, so it is left out. */
function libImports(source: ts.SourceFile): string[] {
  const found = new Set<string>();
  const isTypeOnly = (node: ts.ImportDeclaration) => {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  };
  const visit = (node: ts.Node) => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) && !isTypeOnly(node)) specifier = node.moduleSpecifier;
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifier = node.arguments[0];
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith("@/lib/")) found.add(specifier.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found];
}

const as = (role: Parameters<typeof createActorCtx>[1]) => createActorCtx(db, role);

let incidents = 0;

/**
 * An incident opened by alerts (`minutes` after it began) on a service of its own, its status,
 * severity and times derived from them as ingestion leaves them, so a verb that recomputes
 * finds nothing of the set-up's to settle.
 */
async function createAlertIncident(options: { alerts?: { key: string; minutes: number; severity?: Severity }[] } = {}) {
  incidents += 1;
  const startedAt = new Date(Date.now() - 2 * 3_600_000);
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
  const alerts = options.alerts ?? [{ key: "a", minutes: 0 }];
  const incident = await db.incident.create({
    data: {
      title: `Audit walk incident #${incidents}`,
      severity: "SEV3",
      services: [`walk-api-${incidents}`],
      startedAt,
      timeline: {
        create: alerts.map((a) => ({ at: at(a.minutes), kind: "trigger" as const, source: "Alertmanager", text: `Alert ${a.key} firing`, authorType: "machine" as const, data: { alertKey: `${incidents}-${a.key}`, severity: a.severity ?? "SEV3" } })),
      },
    },
  });
  await recomputeIncidentState(db, SYSTEM_ACTOR, incident.id);
  return { id: incident.id, key: formatIncidentKey(incident.number), at };
}

async function draftedWithTrigger() {
  const drafted = await createDraftedIncident(db);
  return { ...drafted, trigger: await db.timelineEntry.findFirstOrThrow({ where: { incidentId: drafted.incident.id, kind: "trigger" } }) };
}

/** A person's section that the drafter, given new evidence, now offers newer text for. */
async function revisionWithSuggestion(ctx: Ctx, section: string) {
  const { revision, incident, key, at, trigger } = await draftedWithTrigger();
  await updateDraftSection(ctx, { revisionId: revision.id, section, content: { statements: [{ text: "We rolled back.", citations: [trigger.id] }] }, version: revision.version });
  await addEvidence(ctx, { key, evidence: { format: "note", text: "Restarted the payments-service pods to clear stuck connections.", at: at(50).toISOString() } });
  await redraftIncident(db, incident.id, { now: at(97) });
  const current = await db.reportRevision.findUniqueOrThrow({ where: { id: revision.id } });
  expect(Object.keys((current.meta as { suggestions: object }).suggestions)).toContain(section);
  return { revisionId: revision.id, version: current.version };
}

let users = 0;

async function createUserWithPassword() {
  users += 1;
  const email = `signs-in-${users}@example.com`;
  const password = "a long enough password";
  await db.user.create({ data: { email, name: `Signs In ${users}`, role: "RESPONDER", passwordHash: await hashPassword(password) } });
  return { email, password };
}

/** A sender's fixture moved to a service of its own, so it opens an incident instead of joining another scenario's. */
function fixtureFor(sender: string, name: string, service: string): Buffer {
  return Buffer.from(readFixture(sender, name).toString("utf8").replaceAll("checkout-api", service));
}


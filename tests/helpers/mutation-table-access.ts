import { expect } from "vitest";
import { findOrCreateOidcUser } from "@/lib/auth/find-or-create-oidc-user";
import { revokeUserSession } from "@/lib/auth/revoke-user-session";
import { startUserSession } from "@/lib/auth/start-user-session";
import { SYSTEM_ACTOR } from "@/lib/authz";
import { replayRawEvents } from "@/lib/ingest/replay-raw-events";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { handleMcpRequest } from "@/lib/mcp/handle-mcp-request";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { createDraftedIncident } from "./drafted-incident";
import { createWebhookClient, signPagerDuty } from "./webhooks";
import { db, as, createUserWithPassword, fixtureFor, CLI_ACTOR } from "./mutation-fixtures";
import type { Entry, Measure } from "./mutation-fixtures";

/** Sign-in and sign-out, webhooks, the CLI and MCP; then the modules that are not mutations, and why. */
export const ACCESS_AND_MACHINE_MUTATIONS: Record<string, Entry> = {
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
  "@/lib/workers/start-workers": {
    notAMutation:
      "starts the background workers every app instance runs (instrumentation-node.ts), alone for npm run sitrep -- workers; their writes are audited where they happen: incident.create and incident.update in processing (ingest-story, every-mutation-audited through handle-webhook-request), revision.draft and revision.redraft in redraft-incident (drafting tests), delivery.sent and delivery.failed in deliver-emails (send tests); cli.test.ts runs the command",
  },
  "@/lib/jobs": { notAMutation: "the job queue's client: the workers command stops it on SIGTERM; what the jobs write is audited by the modules above" },
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
  "@/lib/reviews/search-review-evidence": { notAMutation: "reads evidence to cite (GET beside the evidence POST)" },
  "@/lib/http/run-action": { notAMutation: "server-action wrapper: maps errors to form state" },
  "@/lib/evidence/read-evidence-form": { notAMutation: "pure: turns the upload form into evidence input" },
  "@/lib/users/schemas": { notAMutation: "zod schemas" },
  "@/lib/errors": { notAMutation: "error types" },
  "@/lib/env": { notAMutation: "reads and validates the environment" },
  "@/lib/db": { notAMutation: "creates the Prisma client" },
  "@/lib/ingest/parse-since": { notAMutation: "pure: parses --since" },
  "@/lib/ingest/senders": { notAMutation: "the table of webhook senders and their parsers" },
};

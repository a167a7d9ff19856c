import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { SYSTEM_ACTOR } from "@/lib/authz";
import { createDatabaseIfMissing } from "@/lib/database/admin-database";
import { withDatabase } from "@/lib/database/database-url";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { migrateDatabase } from "@/lib/database/prepare-database";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createUser } from "@/lib/users/create-user";
import { approveDraftedIncident } from "../tests/helpers/approved-incident";
import { createDraftedIncident } from "../tests/helpers/drafted-incident";
import { E2E_DATABASE_FILE, E2E_LOCKOUT, E2E_PAGERDUTY_SECRET, E2E_PASSWORD, E2E_PORT, E2E_RESPONDER, E2E_REVIEW_INCIDENTS, E2E_SERVER_LOG, E2E_STAKEHOLDER, E2E_VIEWER, E2E_WEBHOOK_TOKEN } from "./fixtures/accounts";

// Playwright's webServer: a database of its own on the test server (DATABASE_URL's, else the
// embedded test server), demo data with known passwords, then the production build (`next
// start`). e2e/global-teardown.ts drops the database; signals are not relied on for that.
async function main() {
  const server = process.env.DATABASE_URL
    ? { serverUrl: withDatabase(process.env.DATABASE_URL, "postgres") }
    : await startEmbeddedPostgres({ dataDir: ".data/test-postgres", port: 54330 });
  const name = `sitrep_e2e_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(server.serverUrl, name);
  mkdirSync(".data", { recursive: true });
  writeFileSync(E2E_DATABASE_FILE, JSON.stringify({ serverUrl: server.serverUrl, name }));

  const url = withDatabase(server.serverUrl, name);
  await migrateDatabase(url, { quiet: true });
  const db = createDb(url);
  await seedDemo(db, { password: E2E_PASSWORD });
  await createUser({ db, actor: SYSTEM_ACTOR }, { ...E2E_VIEWER, password: E2E_PASSWORD });
  await createUser({ db, actor: SYSTEM_ACTOR }, { ...E2E_RESPONDER, password: E2E_PASSWORD });
  // One drafted incident per review test, so no test depends on another's approvals or edits.
  const incidents: Record<string, string> = {};
  for (const [name, title] of Object.entries(E2E_REVIEW_INCIDENTS)) incidents[name] = (await createDraftedIncident(db, { title, tags: ["payments", "customer-facing"], startedAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 95 * 60_000) })).key;
  incidents.stakeholder = await seedStakeholderIncident(db);
  await createUser({ db, actor: SYSTEM_ACTOR }, { ...E2E_LOCKOUT, password: E2E_PASSWORD });
  const tokens = {
    responder: (await createApiToken({ db, actor: SYSTEM_ACTOR }, { name: "e2e-responder", role: "RESPONDER" })).token,
    viewer: (await createApiToken({ db, actor: SYSTEM_ACTOR }, { name: "e2e-viewer", role: "VIEWER" })).token,
    agentRead: (await createApiToken({ db, actor: SYSTEM_ACTOR }, { name: "e2e-agent-read", role: "AGENT", scope: "read" })).token,
    agentPropose: (await createApiToken({ db, actor: SYSTEM_ACTOR }, { name: "e2e-claude", role: "AGENT", scope: "propose" })).token,
  };
  // The secret is noted too, so the teardown can check the server's log never printed it.
  const authSecret = randomBytes(32).toString("base64url");
  writeFileSync(E2E_DATABASE_FILE, JSON.stringify({ serverUrl: server.serverUrl, name, tokens, incidents, authSecret }));
  await db.$disconnect();

  const child = spawn("node_modules/.bin/next", ["start", "-p", String(E2E_PORT)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: authSecret,
      PAGERDUTY_WEBHOOK_SECRETS: E2E_PAGERDUTY_SECRET,
      ...Object.fromEntries(["OPSGENIE", "ALERTMANAGER", "GRAFANA", "DATADOG"].map((sender) => [`${sender}_WEBHOOK_TOKEN`, E2E_WEBHOOK_TOKEN])),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  // Everything the server prints goes on to this process's output and into E2E_SERVER_LOG, which
  // the teardown searches for secrets (e2e/fixtures/server-log.ts).
  writeFileSync(E2E_SERVER_LOG, "");
  child.stdout?.on("data", (chunk: Buffer) => {
    appendFileSync(E2E_SERVER_LOG, chunk);
    process.stdout.write(chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    appendFileSync(E2E_SERVER_LOG, chunk);
    process.stderr.write(chunk);
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

/** An approved report (what stakeholders may read), then text they may never see: a newer draft and internal evidence. */
async function seedStakeholderIncident(db: ReturnType<typeof createDb>): Promise<string> {
  const approved = await approveDraftedIncident(db, { title: E2E_STAKEHOLDER.title });
  await db.timelineEntry.update({ where: { id: approved.trigger.id }, data: { text: `${E2E_STAKEHOLDER.internalMarker} pod checkout-7f9 crash-looping` } });
  const statusUpdate = await db.reportRevision.findFirstOrThrow({ where: { incidentId: approved.incident.id, kind: "status_update" } });
  const sections = statusUpdate.sections as Record<string, unknown>;
  await db.reportRevision.update({ where: { id: statusUpdate.id }, data: { sections: { ...sections, status: { value: "investigating", statements: [{ text: `${E2E_STAKEHOLDER.draftMarker} unreviewed guess`, citations: [] }] } } } });
  return approved.key;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

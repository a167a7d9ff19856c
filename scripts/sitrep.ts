import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "@/lib/authz";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { prepareDatabase, migrateDatabase } from "@/lib/database/prepare-database";
import { createDb } from "@/lib/db";
import { EnvError, getEnv, parseStartupEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs";
import { parseSince } from "@/lib/ingest/parse-since";
import { replayRawEvents } from "@/lib/ingest/replay-raw-events";
import { SENDERS, isWebhookSender, type WebhookSender } from "@/lib/ingest/senders";
import { formatCredentials, seedDemo } from "@/lib/seed/seed-demo";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createUser } from "@/lib/users/create-user";
import { roleSchema } from "@/lib/users/schemas";
import { tokenRoleSchema } from "@/lib/tokens/schemas";
import { serveMcpOverStdio } from "@/lib/mcp/serve-mcp-stdio";
import { startWorkers } from "@/lib/workers/start-workers";
import { z } from "zod";

const HELP = `Usage: npm run sitrep -- <command> [options]

Commands:
  db:migrate                         apply committed migrations
  db:seed [--force]                  (re)create the demo users and incidents; prints new passwords
                                     (--force is required when DATABASE_URL is set)
  user:create --email E --name N --role R [--password P]
                                     add a user (a password is generated and printed when omitted)
  token:create --role R --name N [--scope read|propose] [--expires-days D]
                                     (--role AGENT with --scope for an AI agent's MCP token)
                                     create an API token; it is printed once and never stored
  events:replay [--since 24h|ISO-date] [--sender S]
                                     re-process stored webhook deliveries (idempotent)
  audit:verify                       check the audit log's hash chain; exit status 1 and the first
                                     broken event when it does not hold
  mcp                                the MCP server on stdio for a local assistant, acting as the
                                     AGENT token in SITREP_TOKEN
  workers                            the background workers (ingest, drafting, email) alone, for
                                     app instances run with SITREP_WORKERS=off; stops on SIGTERM

Roles: ADMIN, COMMANDER, RESPONDER, VIEWER, AUDITOR (and AGENT, for tokens). Uses DATABASE_URL, or the embedded database when unset.`;

function parseRole(value: string | undefined) {
  const role = roleSchema.safeParse(value);
  if (!role.success) throw new UsageError(`--role must be one of ${roleSchema.options.join(", ")}.`);
  return role.data;
}

function parseTokenRole(value: string | undefined) {
  const role = tokenRoleSchema.safeParse(value);
  if (!role.success) throw new UsageError(`--role must be one of ${tokenRoleSchema.options.join(", ")}.`);
  return role.data;
}

class UsageError extends Error {}

const COMMANDS = new Set(["db:migrate", "db:seed", "user:create", "token:create", "events:replay", "audit:verify", "mcp", "workers"]);

const cliActor: Actor = { type: "system", id: null, label: `cli (${userInfo().username})`, role: "ADMIN" };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(HELP);
    return command ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      "expires-days": { type: "string" },
      since: { type: "string" },
      force: { type: "boolean" },
      sender: { type: "string" },
      scope: { type: "string" },
    },
    strict: true,
  });
  if (!COMMANDS.has(command)) {
    console.error(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  }
  if (command === "db:seed" && process.env.DATABASE_URL && !values.force) {
    throw new UsageError("db:seed replaces the demo incidents and resets the demo accounts' passwords. On a database named by DATABASE_URL, add --force if that is what you want.");
  }
  const database = await prepareDatabase({ log: (line) => console.error(line) });
  const db = createDb(database.url);
  try {
    switch (command) {
      case "db:migrate":
        await migrateDatabase(database.url);
        return 0;
      case "db:seed": {
        await migrateDatabase(database.url, { quiet: true });
        const { credentials, incidentKeys } = await seedDemo(db, { password: parseStartupEnv(process.env).DEMO_PASSWORD, actor: cliActor });
        console.log(`Seeded demo incidents ${incidentKeys.join(", ")}.`);
        console.log(formatCredentials(credentials));
        return 0;
      }
      case "user:create": {
        const password = values.password ?? randomBytes(12).toString("base64url");
        const user = await createUser({ db, actor: cliActor }, { email: values.email ?? "", name: values.name ?? "", role: parseRole(values.role), password });
        console.log(`Created ${user.role} ${user.email}.${values.password ? "" : `\nPassword (shown once): ${password}`}`);
        return 0;
      }
      case "token:create": {
        const created = await createApiToken(
          { db, actor: cliActor },
          { name: values.name ?? "", role: parseTokenRole(values.role), scope: values.scope as "read" | undefined, expiresInDays: values["expires-days"] },
        );
        console.error(`Created ${created.role}${created.scope ? ` (${created.scope})` : ""} token "${created.name}". It is shown once; store it now:`);
        console.log(created.token);
        return 0;
      }
      case "events:replay": {
        const since = values.since === undefined ? undefined : parseSince(values.since);
        if (since === null) throw new UsageError("--since must be a duration like 24h, 90m, 7d or an ISO date.");
        if (values.sender && !isWebhookSender(values.sender)) throw new UsageError(`--sender must be one of ${Object.keys(SENDERS).join(", ")}.`);
        const summary = await replayRawEvents(db, { actor: cliActor, since, sender: values.sender as WebhookSender | undefined });
        console.log(`Replayed ${summary.total} stored deliveries: ${JSON.stringify(summary)}`);
        return summary.failed ? 1 : 0;
      }
      case "mcp":
        // stdout carries the protocol: anything else goes to stderr.
        console.log = console.error;
        await serveMcpOverStdio(db, { token: process.env.SITREP_TOKEN, databaseUrl: database.url });
        return 0;
      case "workers": {
        // The workers read the same environment as the app (email settings, secrets), checked the same way.
        process.env.DATABASE_URL = database.url;
        await startWorkers(db, getEnv().DATABASE_URL);
        console.error("[sitrep] background workers running (ingest, drafting, email); stop with SIGTERM or Ctrl-C.");
        await new Promise<void>((resolve) => {
          process.once("SIGTERM", resolve);
          process.once("SIGINT", resolve);
        });
        // In-flight jobs get a few seconds to finish; any cut short come back to another worker (heartbeat).
        await stopBoss();
        return 0;
      }
      case "audit:verify": {
        const verdict = await verifyAuditChain(db);
        if (verdict.ok) {
          console.log(`Audit chain intact: ${verdict.checked} events, last hash ${verdict.lastHash}.`);
          return 0;
        }
        const e = verdict.brokenEvent;
        console.log(`Audit chain BROKEN at event #${e.id} (${e.action}, ${e.at}): ${verdict.reason}. The ${verdict.checked} events before it verify.`);
        return 1;
      }
      default:
        console.error(`Unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isAppError(error) || error instanceof UsageError || error instanceof EnvError) console.error(`Error: ${error.message}`);
    else if (error instanceof z.ZodError) console.error(`Error: ${z.prettifyError(error)}`);
    else if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) console.error(`Error: ${error.message}\n\n${HELP}`);
    else console.error(error);
    process.exit(1);
  },
);

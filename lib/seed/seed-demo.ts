import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { SYSTEM_ACTOR, type Actor } from "@/lib/authz";
import type { Db } from "@/lib/db";
import { formatIncidentKey } from "@/lib/incidents/incident-key";
import { DEMO_TIMELINE } from "@/lib/seed/demo-incident";
import { seedDemoHistory } from "@/lib/seed/demo-history";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { hashPassword } from "@/lib/users/password";

export const DEMO_TAG = "demo";
/** Past incidents that fill the insights page; kept apart from the two live demo incidents. */
export const DEMO_HISTORY_TAG = "demo-history";

const DEMO_USERS: { key: "admin" | "commander" | "responder"; email: string; name: string; role: Role; canSignIn: boolean }[] = [
  { key: "admin", email: "admin@sitrep.local", name: "Avery Admin", role: "ADMIN", canSignIn: true },
  { key: "commander", email: "ic@sitrep.local", name: "Dana Whitfield", role: "COMMANDER", canSignIn: true },
  { key: "responder", email: "raj@sitrep.local", name: "Raj Patel", role: "RESPONDER", canSignIn: false },
];

// Example addresses (RFC 2606): the demo shows who each email would reach without mailing anyone.
const DEMO_LISTS = [
  { name: "Executives", recipients: ["cto@example.com", "vp-engineering@example.com"], severities: ["SEV1", "SEV2"] as const, categories: ["outage", "security"] as const, tags: [] },
  { name: "Engineering leadership", recipients: ["eng-leads@example.com"], severities: ["SEV1", "SEV2", "SEV3"] as const, categories: [] as const, tags: [] },
  { name: "Customer support", recipients: ["support-leads@example.com", "cto@example.com"], severities: ["SEV1", "SEV2"] as const, categories: [] as const, tags: ["customer-facing"] },
  { name: "Search team", recipients: ["search-team@example.com"], severities: [] as const, categories: [] as const, tags: ["search"] },
];

export type DemoCredentials = { email: string; password: string; role: Role }[];

/**
 * Creates (or resets) the demo users and replaces the demo incidents. Passwords are random unless
 * DEMO_PASSWORD is given, and are returned so the caller can print them once.
 */
export async function seedDemo(db: Db, options: { password?: string; now?: Date; actor?: Pick<Actor, "type" | "id" | "label"> } = {}): Promise<{ credentials: DemoCredentials; incidentKeys: string[] }> {
  const now = options.now ?? new Date();
  const credentials: DemoCredentials = [];
  const ids: Record<string, string> = {};
  for (const demo of DEMO_USERS) {
    const password = demo.canSignIn ? (options.password ?? randomBytes(12).toString("base64url")) : null;
    const passwordHash = password ? await hashPassword(password) : null;
    const user = await db.user.upsert({
      where: { email: demo.email },
      update: { passwordHash, role: demo.role, disabledAt: null },
      create: { email: demo.email, name: demo.name, role: demo.role, passwordHash },
    });
    ids[demo.key] = user.id;
    if (password) credentials.push({ email: demo.email, password, role: demo.role });
  }

  const startedAt = new Date(now.getTime() - 95 * 60_000);
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
  const incidentKeys = await db.$transaction(async (tx) => {
    await tx.incident.deleteMany({ where: { tags: { hasSome: [DEMO_TAG, DEMO_HISTORY_TAG] } } });
    for (const list of DEMO_LISTS) {
      const rules = { recipients: list.recipients, severities: [...list.severities], categories: [...list.categories], tags: list.tags };
      await tx.distributionList.upsert({ where: { name: list.name }, create: { name: list.name, ...rules }, update: rules });
    }
    const checkout = await tx.incident.create({
      data: {
        title: "Checkout API returning 502s",
        severity: "SEV2",
        category: "outage",
        status: "monitoring",
        services: ["checkout-api", "payments-service"],
        tags: [DEMO_TAG, "payments", "customer-facing"],
        startedAt: at(5),
        detectedAt: at(6),
        acknowledgedAt: at(9),
        commanderId: ids.commander,
        timeline: {
          create: DEMO_TIMELINE.map((entry) => ({
            at: at(entry.minutes),
            kind: entry.kind,
            source: entry.source,
            text: entry.text,
            data: entry.data,
            authorType: entry.by ? "human" : "machine",
            authorId: entry.by ? ids[entry.by] : null,
          })),
        },
      },
    });
    const search = await tx.incident.create({
      data: {
        title: "Elevated search latency in eu-west-1",
        severity: "SEV4",
        category: "degradation",
        status: "resolved",
        services: ["search-api"],
        tags: [DEMO_TAG, "search"],
        startedAt: new Date(now.getTime() - 26 * 3_600_000),
        detectedAt: new Date(now.getTime() - 26 * 3_600_000 + 3 * 60_000),
        acknowledgedAt: new Date(now.getTime() - 26 * 3_600_000 + 8 * 60_000),
        resolvedAt: new Date(now.getTime() - 25 * 3_600_000),
        commanderId: ids.commander,
        timeline: {
          create: [
            { at: new Date(now.getTime() - 26 * 3_600_000 + 3 * 60_000), kind: "trigger", source: "Datadog", text: "search-api p99 latency above 1.5 s for 10 minutes.", authorType: "machine" },
            { at: new Date(now.getTime() - 25 * 3_600_000), kind: "resolve", source: "Datadog", text: "search-api p99 latency back under 400 ms.", authorType: "machine" },
          ],
        },
      },
    });
    const keys = [formatIncidentKey(checkout.number), formatIncidentKey(search.number)];
    const history = await seedDemoHistory(tx, { now, tag: DEMO_HISTORY_TAG, approverId: ids.commander! });
    await recordAuditEvent(tx, options.actor ?? SYSTEM_ACTOR, { action: "demo.seed", targetType: "Incident", after: { incidents: keys, history, users: DEMO_USERS.map((u) => u.email), lists: DEMO_LISTS.map((l) => l.name) } });
    return keys;
  }, { timeout: 60_000 });
  // The first screen shows what Sitrep does: a cited draft beside the evidence (the history is drafted already).
  for (const incident of await db.incident.findMany({ where: { tags: { has: DEMO_TAG } }, select: { id: true } })) {
    await redraftIncident(db, incident.id, { now });
  }
  return { credentials, incidentKeys };
}

export function formatCredentials(credentials: DemoCredentials): string {
  const lines = credentials.map((c) => `    ${c.role.padEnd(10)} ${c.email.padEnd(22)} ${c.password}`);
  return ["", "  Demo accounts (shown once; `npm run db:seed` makes new passwords):", ...lines, ""].join("\n");
}

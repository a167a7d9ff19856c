import type { IncidentCategory, Severity } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db";

const SERVICES = ["checkout-api", "payments-service", "search-api", "auth-service", "notifications"];
const KINDS: { title: string; category: IncidentCategory; severity: Severity }[] = [
  { title: "elevated 5xx rate", category: "outage", severity: "SEV2" },
  { title: "latency above SLO", category: "degradation", severity: "SEV3" },
  { title: "unavailable in eu-west-1", category: "outage", severity: "SEV1" },
  { title: "error budget burning fast", category: "degradation", severity: "SEV4" },
  { title: "suspicious sign-in spike", category: "security", severity: "SEV2" },
];

/**
 * Sixty days of past, resolved incidents, each drafted, approved and reported, so the insights page
 * shows the team's numbers on the first run. Deterministic (a fixed pseudo-random sequence), and
 * tagged like the other demo data so re-seeding replaces it.
 */
export async function seedDemoHistory(tx: DbTx, options: { now: Date; tag: string; approverId: string }): Promise<number> {
  let state = 42;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const count = 36;
  for (let i = 0; i < count; i += 1) {
    const kind = pick(KINDS);
    const service = pick(SERVICES);
    const startedAt = new Date(options.now.getTime() - (2 + rand() * 58) * 86_400_000);
    const at = (minutes: number) => new Date(startedAt.getTime() + Math.round(minutes) * 60_000);
    // Reports got faster over the period: the later the incident, the sooner the first draft.
    const age = (options.now.getTime() - startedAt.getTime()) / 86_400_000;
    const ack = 1 + rand() * (kind.severity === "SEV1" ? 6 : 18);
    const resolve = ack + 10 + rand() * (kind.severity === "SEV4" ? 300 : 150);
    const draft = 0.5 + rand() * (age > 30 ? 12 : 3);
    const approval = draft + 4 + rand() * (age > 30 ? 60 : 15);
    const incident = await tx.incident.create({
      data: {
        title: `${service} ${kind.title}`,
        severity: kind.severity,
        category: kind.category,
        status: "resolved",
        services: [service],
        tags: [options.tag],
        startedAt,
        detectedAt: startedAt,
        acknowledgedAt: at(ack),
        resolvedAt: at(resolve),
        timeline: {
          create: [
            { at: startedAt, kind: "trigger", source: "PagerDuty", text: `Incident triggered: ${service} ${kind.title}.`, authorType: "machine" },
            { at: at(resolve), kind: "resolve", source: "PagerDuty", text: `Resolved: ${service} ${kind.title}.`, authorType: "machine" },
          ],
        },
      },
    });
    const edited = rand() < 0.6;
    const editSize = edited ? { summary: Math.round(20 + rand() * 180), ...(rand() < 0.5 && { rootCause: Math.round(10 + rand() * 240) }) } : {};
    const revision = await tx.reportRevision.create({
      data: {
        incidentId: incident.id,
        kind: "report",
        number: 1,
        state: "approved",
        sections: {},
        contentHash: `demo-history-${i}`,
        meta: { origins: Object.fromEntries(Object.keys(editSize).map((k) => [k, "human"])), suggestions: {}, editSize },
        authorType: "machine",
        createdAt: at(draft),
      },
    });
    const approvalRow = await tx.approval.create({ data: { revisionId: revision.id, approverId: options.approverId, contentHash: revision.contentHash, createdAt: at(approval) } });
    await tx.delivery.create({
      data: { revisionId: revision.id, approvalId: approvalRow.id, contentHash: revision.contentHash, template: "incident_report", reason: "Engineering leadership", recipient: "eng-leads@example.com", status: "sent", messageId: `<demo-history-${i}@sitrep.local>`, subject: `INC: ${incident.title}`, html: "", text: "", sentAt: at(approval + 1) },
    });
    await tx.reportRevision.update({ where: { id: revision.id }, data: { state: "sent" } });
  }
  return count;
}

import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ThreadInput } from "@/lib/history/build-history-thread";
import { formatIncidentKey, parseIncidentKey } from "@/lib/incidents/incident-key";
import { readMeta } from "@/lib/reports/revision-meta";

const DELIVERY = { id: true, revisionId: true, template: true, recipient: true, reason: true, status: true, subject: true, messageId: true, inReplyTo: true, attempts: true, lastError: true, sentAt: true, createdAt: true } as const;

/**
 * Everything an incident's history and evidence pack are built from, read in one snapshot so the
 * thread, the revisions and the audit rows agree: the incident, its revisions (with approvals and
 * deliveries, never the email bodies), its audit events (its own, and those naming it as their
 * target) oldest first, and its evidence. Callers
 * check the permission; an unknown key is NOT_FOUND.
 */
export async function findHistoryRows(db: Db, key: string) {
  const number = parseIncidentKey(key);
  if (number === null) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  const rows = await db.$transaction(
    async (tx) => {
      const incident = await tx.incident.findUnique({
        where: { number },
        include: { commander: { select: { name: true, email: true } }, mergedInto: { select: { number: true } }, mergedFrom: { select: { number: true }, orderBy: { number: "asc" } } },
      });
      if (!incident) return null;
      // One after another: an interactive transaction is one connection, which runs one query at a time.
      const revisions = await tx.reportRevision.findMany({
        where: { incidentId: incident.id },
        orderBy: [{ kind: "asc" }, { number: "asc" }],
        include: {
          author: { select: { name: true, email: true } },
          authorToken: { select: { name: true } },
          approvals: { orderBy: { createdAt: "asc" }, include: { approver: { select: { name: true, email: true } } } },
          deliveries: { orderBy: [{ template: "asc" }, { recipient: "asc" }], select: DELIVERY },
        },
      });
      // A merge or split is one event on one incident that names the other as its target: both histories show it.
      const audit = await tx.auditEvent.findMany({ where: { OR: [{ incidentId: incident.id }, { targetId: incident.id }] }, orderBy: { id: "asc" } });
      const evidence = await tx.timelineEntry.findMany({
        where: { incidentId: incident.id },
        orderBy: [{ at: "asc" }, { createdAt: "asc" }],
        select: { id: true, at: true, kind: true, text: true, source: true, authorType: true, author: { select: { name: true } }, hidden: true, internal: true, rawEventId: true, data: true, createdAt: true },
      });
      const userIds = [...new Set(audit.filter((e) => e.actorType === "user" && e.actorId).map((e) => e.actorId!))];
      const users = userIds.length > 0 ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
      return { incident, revisions, audit, evidence, userNames: new Map(users.map((u) => [u.id, u.name])) };
    },
    { isolationLevel: "RepeatableRead" },
  );
  if (!rows) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  const { incident, ...rest } = rows;
  const { number: n, mergedInto, mergedFrom, ...fields } = incident;
  return {
    ...rest,
    incident: { ...fields, key: formatIncidentKey(n), mergedInto: mergedInto ? formatIncidentKey(mergedInto.number) : null, mergedFrom: mergedFrom.map((m) => formatIncidentKey(m.number)) },
    // Citations read as the evidence's number, the way the review page numbers it.
    evidenceNumbers: new Map(rows.evidence.map((e, i) => [e.id, i + 1])),
  };
}

export type HistoryRows = Awaited<ReturnType<typeof findHistoryRows>>;

const writerOf = (meta: unknown): string | null => {
  const writer = readMeta(meta).writer;
  if (!writer) return null;
  return writer.kind === "llm" ? `LLM${writer.model ? ` (${writer.model})` : ""}` : `rules${writer.fallbackReason ? ` (LLM fell back: ${writer.fallbackReason})` : ""}`;
};

/** The rows as the pure thread builder takes them. */
export function threadInputOf(rows: HistoryRows): ThreadInput {
  return {
    incident: { key: rows.incident.key, createdAt: rows.incident.createdAt },
    revisions: rows.revisions.map((r) => ({
      id: r.id,
      kind: r.kind,
      number: r.number,
      state: r.state,
      createdAt: r.createdAt,
      authorType: r.authorType,
      authorName: r.author?.name ?? null,
      tokenName: r.authorToken?.name ?? null,
      writer: writerOf(r.meta),
      basedOnId: r.basedOnId,
      sections: r.sections,
    })),
    approvals: rows.revisions.flatMap((r) => r.approvals.map((a) => ({ id: a.id, revisionId: r.id, createdAt: a.createdAt, approverName: a.approver.name, approverEmail: a.approver.email, voidedAt: a.voidedAt, voidReason: a.voidReason }))),
    deliveries: rows.revisions.flatMap((r) => r.deliveries),
    audit: rows.audit.map((e) => ({ id: e.id.toString(), at: e.at, actorType: e.actorType, actorId: e.actorId, actorLabel: e.actorLabel, action: e.action, targetId: e.targetId, before: e.before, after: e.after, hash: e.hash })),
    userNames: rows.userNames,
    evidenceLabel: (id) => String(rows.evidenceNumbers.get(id) ?? "?"),
  };
}

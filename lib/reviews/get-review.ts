import { z } from "zod";
import { assertCan, can } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { formatIncidentKey, parseIncidentKey } from "@/lib/incidents/incident-key";
import { hashEachSection, hashSections, machineVersionOf, readMeta } from "@/lib/reports/revision-meta";
import { breaksTwoPersonRule } from "@/lib/reviews/editor-identity";
import { findApprovalProblems } from "@/lib/reviews/find-approval-problems";
import { listReviewPresence } from "@/lib/reviews/list-review-presence";
import { collectCitations, loadReviewEvidence } from "@/lib/reviews/load-review-evidence";

export const getReviewSchema = z.object({ key: z.string().min(1), kind: z.enum(["report", "status_update"]).default("report") });

/**
 * Everything the commander's editor needs for one incident's latest report (or status update):
 * the revision and who wrote each section, the machine's version of each for the diff, approvals
 * (standing and voided), the evidence citations point at, people to own action items, who else
 * is here, the two-person rule, and what still blocks approval. Read in one snapshot.
 */
export async function getReview(ctx: Ctx, input: z.input<typeof getReviewSchema>) {
  assertCan(ctx.actor, "drafts.read");
  const { key, kind } = getReviewSchema.parse(input);
  const number = parseIncidentKey(key);
  if (number === null) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  const snapshot = await ctx.db.$transaction(
    async (tx) => {
      const incident = await tx.incident.findUnique({ where: { number }, include: { commander: { select: { name: true } }, mergedInto: { select: { number: true } } } });
      if (!incident) return null;
      const [revision, revisions, users, policy] = await Promise.all([
        tx.reportRevision.findFirst({
          where: { incidentId: incident.id, kind },
          orderBy: { number: "desc" },
          include: {
            lastEditedBy: { select: { id: true, name: true } },
            approvals: { orderBy: { createdAt: "asc" }, include: { approver: { select: { name: true } } } },
            deliveries: { orderBy: [{ template: "asc" }, { recipient: "asc" }], select: { id: true, recipient: true, reason: true, template: true, status: true, attempts: true, lastError: true, sentAt: true } },
          },
        }),
        tx.reportRevision.findMany({ where: { incidentId: incident.id }, orderBy: [{ kind: "asc" }, { number: "desc" }], select: { id: true, kind: true, number: true, state: true, createdAt: true } }),
        tx.user.findMany({ where: { disabledAt: null, role: { not: "VIEWER" } }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
        tx.reviewPolicy.findUnique({ where: { severity: incident.severity } }),
      ]);
      const evidence = await loadReviewEvidence(tx, incident.id, collectCitations(revision?.sections, revision?.meta));
      return { incident, revision, revisions, evidence, users, policy };
    },
    { isolationLevel: "RepeatableRead" },
  );
  if (!snapshot) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  const { incident, revision, revisions, evidence, users, policy } = snapshot;
  const me = ctx.actor.type === "user" ? ctx.actor.id : null;
  const presence = revision ? (await listReviewPresence(ctx.db, [revision.id])).filter((p) => p.userId !== me) : [];
  const sections = (revision?.sections ?? {}) as Record<string, unknown>;
  const meta = readMeta(revision?.meta);
  const sectionHashes = hashEachSection(sections);
  // Until someone edits, the machine's version is the section itself: sent once, not twice.
  const machine = Object.keys(sections).map((name) => [name, machineVersionOf(sections, meta, name) ?? null] as const);
  const machineMatches = machine.filter(([name, version]) => version !== null && (version === sections[name] || hashSections(version) === sectionHashes[name])).map(([name]) => name);
  const isEditable = revision !== null && ["draft", "in_review", "approved"].includes(revision.state) && !incident.mergedInto;
  return {
    incident: {
      id: incident.id,
      key: formatIncidentKey(incident.number),
      title: incident.title,
      severity: incident.severity,
      category: incident.category,
      status: incident.status,
      services: incident.services,
      tags: incident.tags,
      startedAt: incident.startedAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      commander: incident.commander?.name ?? null,
      extraRecipients: incident.extraRecipients,
      excludedRecipients: incident.excludedRecipients,
      mergedInto: incident.mergedInto ? formatIncidentKey(incident.mergedInto.number) : null,
    },
    revision: revision && {
      id: revision.id,
      kind: revision.kind,
      number: revision.number,
      state: revision.state,
      version: revision.version,
      contentHash: revision.contentHash,
      authorType: revision.authorType,
      sections,
      sectionHashes,
      origins: meta.origins,
      suggestions: meta.suggestions,
      /** The machine's version of each section that differs from the current text (null: there is none); `machineMatches` names the rest. */
      machine: Object.fromEntries(machine.filter(([name]) => !machineMatches.includes(name))),
      machineMatches,
      writer: meta.writer ?? null,
      agent: meta.agent ?? null,
      foreignCitations: meta.foreignCitations ?? {},
      reviewNote: revision.reviewNote,
      rejectedReason: revision.rejectedReason,
      lastEditedBy: revision.lastEditedBy,
      createdAt: revision.createdAt.toISOString(),
      updatedAt: revision.updatedAt.toISOString(),
      approvals: revision.approvals.map((a) => ({
        id: a.id,
        approver: a.approver.name,
        at: a.createdAt.toISOString(),
        voidedAt: a.voidedAt?.toISOString() ?? null,
        voidReason: a.voidReason,
        isCurrent: a.voidedAt === null && a.contentHash === revision.contentHash,
      })),
      approvalProblems: findApprovalProblems(revision.kind, sections, meta.foreignCitations),
      deliveries: revision.deliveries.map((d) => ({ ...d, sentAt: d.sentAt?.toISOString() ?? null })),
    },
    revisions: revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    evidence: evidence.evidence,
    /** All of the incident's evidence is in `evidence` when this equals its length; else only what is cited (search for the rest). */
    evidenceTotal: evidence.total,
    users,
    presence,
    policy: { twoPersonRule: policy?.twoPersonRule ?? false },
    permissions: {
      canEdit: isEditable && can(ctx.actor.role, "drafts.edit"),
      canApprove: isEditable && can(ctx.actor.role, "incidents.approve") && ctx.actor.type === "user",
      canSend: can(ctx.actor.role, "incidents.send") && !incident.mergedInto,
      isApproverRole: can(ctx.actor.role, "incidents.approve"),
      isLastEditor: me !== null && revision !== null && breaksTwoPersonRule(revision, me),
    },
  };
}

export type Review = Awaited<ReturnType<typeof getReview>>;

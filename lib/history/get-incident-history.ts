import { z } from "zod";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { buildHistoryThread } from "@/lib/history/build-history-thread";
import { compareRevisions } from "@/lib/history/compare-revisions";
import { findHistoryRows, threadInputOf } from "@/lib/history/find-history-rows";

export const getIncidentHistorySchema = z.object({
  key: z.string().trim().min(1),
  /** Two revisions to diff, as the page's form sends them (strings; checked by compareRevisions). */
  compare: z.object({ kind: z.string().optional(), from: z.string().optional(), to: z.string().optional() }).optional(),
});

/**
 * An incident's communication history: the incident, its revisions, one chronological thread
 * (oldest first) of everything that happened to them, and, when asked, a diff of two revisions.
 * Drafts are for responders and up: a VIEWER (a stakeholder) is refused.
 */
export async function getIncidentHistory(ctx: Ctx, input: z.input<typeof getIncidentHistorySchema>) {
  assertCan(ctx.actor, "drafts.read");
  const { key, compare } = getIncidentHistorySchema.parse(input);
  const rows = await findHistoryRows(ctx.db, key);
  const thread = threadInputOf(rows);
  const { incident } = rows;
  return {
    incident: {
      id: incident.id,
      key: incident.key,
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      category: incident.category,
      startedAt: incident.startedAt,
      resolvedAt: incident.resolvedAt,
      commander: incident.commander?.name ?? null,
      mergedInto: incident.mergedInto,
      mergedFrom: incident.mergedFrom,
    },
    revisions: rows.revisions.map((r) => ({ id: r.id, kind: r.kind, number: r.number, state: r.state, createdAt: r.createdAt, updatedAt: r.updatedAt })),
    thread: buildHistoryThread(thread),
    comparison: compareRevisions(thread.revisions, compare, thread.evidenceLabel),
  };
}

export type IncidentHistory = Awaited<ReturnType<typeof getIncidentHistory>>;

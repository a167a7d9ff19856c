import { z } from "zod";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import type { StatusUpdateSections } from "@/lib/drafting/draft-status-update";
import type { DraftSections } from "@/lib/drafting/types";
import { resolveRecipients } from "@/lib/distribution/match-lists";
import { buildReportEmail, buildStatusUpdateEmail, type EmailIncident } from "@/lib/email/email-content";
import { renderRevisionEmail } from "@/lib/email/render-revision-email";
import { AppError } from "@/lib/errors";
import { formatIncidentKey } from "@/lib/incidents/incident-key";

export const previewRevisionEmailsSchema = z.object({ revisionId: z.string().min(1), origin: z.url() });

/**
 * The emails approving this revision would send, rendered exactly as they go out: one per
 * matching distribution list, with its recipients. With no matching list, one preview addressed
 * to nobody, so the commander sees that too.
 */
export async function previewRevisionEmails(ctx: Ctx, input: z.input<typeof previewRevisionEmailsSchema>) {
  assertCan(ctx.actor, "drafts.read");
  const { revisionId, origin } = previewRevisionEmailsSchema.parse(input);
  const revision = await ctx.db.reportRevision.findUnique({
    where: { id: revisionId },
    select: { id: true, kind: true, version: true, contentHash: true, sections: true, incident: { select: { id: true, number: true, title: true, severity: true, category: true, status: true, services: true, tags: true } } },
  });
  if (!revision) throw new AppError("NOT_FOUND", "That draft does not exist.");
  const { incident: i } = revision;
  const [entries, lists] = await Promise.all([
    ctx.db.timelineEntry.findMany({ where: { incidentId: i.id }, select: { id: true, at: true, source: true, text: true } }),
    ctx.db.distributionList.findMany({ orderBy: { name: "asc" } }),
  ]);
  const evidence = new Map(entries.map((e) => [e.id, e]));
  const key = formatIncidentKey(i.number);
  const incident: EmailIncident = { key, title: i.title, severity: i.severity, category: i.category, status: i.status, services: i.services, pageUrl: `${origin}/incidents/${key}` };
  const matched = resolveRecipients(lists, i);
  const audiences = matched.length > 0 ? matched : [{ id: null, name: "nobody (no list matches)", recipients: [] as string[], rules: null }];
  const emails = await Promise.all(
    audiences.map(async (list) => {
      const rendered =
        revision.kind === "report"
          ? await renderRevisionEmail({ kind: "report", props: buildReportEmail(incident, revision.sections as unknown as DraftSections, evidence, list.name) })
          : await renderRevisionEmail({ kind: "status_update", props: buildStatusUpdateEmail(incident, revision.sections as unknown as StatusUpdateSections, evidence, list.name) });
      return { list: list.id ? { id: list.id, name: list.name, rules: list.rules } : null, recipients: list.recipients, ...rendered };
    }),
  );
  return { revisionId, version: revision.version, contentHash: revision.contentHash, emails };
}

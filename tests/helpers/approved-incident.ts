import type { Db } from "@/lib/db";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { createActorCtx } from "./actors";
import { createDraftedIncident } from "./drafted-incident";

/** Two lists for sending tests: executives for SEV1/SEV2 outages, support for customer-facing ones (cto@ is on both). */
export async function createSendingLists(db: Db) {
  await db.distributionList.createMany({
    data: [
      { name: "Executives", recipients: ["cto@example.com", "ceo@example.com"], severities: ["SEV1", "SEV2"], categories: ["outage"], tags: [] },
      { name: "Support", recipients: ["support@example.com", "cto@example.com"], severities: [], categories: [], tags: ["customer-facing"] },
    ],
  });
}

/** A drafted, customer-facing incident whose report a commander edited ("IC-wording-INC-n") and approved. */
export async function approveDraftedIncident(db: Db, options: Parameters<typeof createDraftedIncident>[1] = {}) {
  const drafted = await createDraftedIncident(db, { tags: ["customer-facing"], ...options });
  const commander = await createActorCtx(db, "COMMANDER");
  const trigger = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: drafted.incident.id, kind: "trigger" } });
  const edited = await updateDraftSection(commander, { revisionId: drafted.revision.id, section: "summary", content: { statements: [{ text: `IC-wording-${drafted.key}: card payments failed.`, citations: [trigger.id] }] }, version: drafted.revision.version });
  await approveRevision(commander, { revisionId: drafted.revision.id, version: edited.version });
  return { ...drafted, commander, trigger };
}

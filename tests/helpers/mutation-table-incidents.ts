import { sendRevision } from "@/lib/deliveries/send-revision";
import { deleteDistributionList } from "@/lib/distribution/delete-distribution-list";
import { saveDistributionList } from "@/lib/distribution/save-distribution-list";
import { updateIncidentRecipients } from "@/lib/distribution/update-incident-recipients";
import { addEvidence } from "@/lib/evidence/add-evidence";
import { classifyIncident } from "@/lib/incidents/classify-incident";
import { correctIncidentMilestone } from "@/lib/incidents/correct-incident-milestone";
import { mergeIncidents } from "@/lib/incidents/merge-incidents";
import { splitIncident } from "@/lib/incidents/split-incident";
import { updateIntegration } from "@/lib/integrations/update-integration";
import { updateDraftSection } from "@/lib/reports/update-draft-section";
import { approveRevision } from "@/lib/reviews/approve-revision";
import { rejectRevision } from "@/lib/reviews/reject-revision";
import { requestRevisionChanges } from "@/lib/reviews/request-revision-changes";
import { resolveSuggestion } from "@/lib/reviews/resolve-suggestion";
import { updateReviewPolicy } from "@/lib/reviews/update-review-policy";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { revokeShareLink } from "@/lib/stakeholder/revoke-share-link";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { createUser } from "@/lib/users/create-user";
import { updateUserRole } from "@/lib/users/update-user-role";
import { approveDraftedIncident } from "./approved-incident";
import { createDraftedIncident } from "./drafted-incident";
import { db, as, createAlertIncident, draftedWithTrigger, revisionWithSuggestion, ORIGIN } from "./mutation-fixtures";
import type { Entry } from "./mutation-fixtures";

/** What people do to incidents, drafts and settings, each with the audit rows it must write. */
export const INCIDENT_AND_REVIEW_MUTATIONS: Record<string, Entry> = {
  // Incidents and evidence (the incident page's server actions, POST /api/incidents/{key}/evidence)
  "@/lib/evidence/add-evidence": {
    audits: "evidence.add",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("RESPONDER"), createAlertIncident()]);
      await measure(ctx, () => addEvidence(ctx, { key, evidence: { format: "note", text: "Rolled back the deploy." } }));
    },
  },
  "@/lib/incidents/classify-incident": {
    audits: "incident.classify",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("RESPONDER"), createAlertIncident()]);
      await measure(ctx, () => classifyIncident(ctx, { key, category: "outage", tags: "payments" }));
    },
  },
  "@/lib/incidents/correct-incident-milestone": {
    audits: "incident.milestone_correct",
    mutation: async (measure) => {
      const [ctx, { key, at }] = await Promise.all([as("COMMANDER"), createAlertIncident()]);
      await measure(ctx, () => correctIncidentMilestone(ctx, { key, milestone: "acknowledgedAt", at: at(10).toISOString(), reason: "paged by phone first" }));
    },
  },
  "@/lib/incidents/merge-incidents": {
    // One row on the survivor naming the merged incident as its target (both histories and the
    // /audit incident filter match either). The survivor's new severity rides on that row, not on
    // a second, request-less incident.update from recomputeIncidentState.
    audits: "incident.merge",
    mutation: async (measure) => {
      const ctx = await as("RESPONDER");
      // A later duplicate that paged at a higher priority: the survivor's severity follows it.
      const target = await createAlertIncident({ alerts: [{ key: "a", minutes: 0, severity: "SEV3" }] });
      const source = await createAlertIncident({ alerts: [{ key: "b", minutes: 5, severity: "SEV2" }] });
      await measure(ctx, () => mergeIncidents(ctx, { sourceKey: source.key, targetKey: target.key }));
    },
  },
  "@/lib/incidents/split-incident": {
    // One row on the source naming the new incident as its target (as for a merge); both
    // incidents' derived times ride on it, not on request-less incident.update rows.
    audits: "incident.split",
    mutation: async (measure) => {
      const ctx = await as("RESPONDER");
      // The usual case: a second alert that was correlated by mistake is split back out.
      const { id, key } = await createAlertIncident({ alerts: [{ key: "a", minutes: 0 }, { key: "b", minutes: 5 }] });
      const stray = await db.timelineEntry.findFirstOrThrow({ where: { incidentId: id, text: "Alert b firing" } });
      await measure(ctx, () => splitIncident(ctx, { key, entryIds: [stray.id], title: "Search latency" }));
    },
  },
  "@/lib/distribution/update-incident-recipients": {
    audits: "incident.recipients",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("COMMANDER"), createAlertIncident()]);
      await measure(ctx, () => updateIncidentRecipients(ctx, { key, extraRecipients: "partner@example.com", excludedRecipients: "" }));
    },
  },
  "@/lib/stakeholder/create-share-link": {
    audits: "share_link.create",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("COMMANDER"), createAlertIncident()]);
      await measure(ctx, () => createShareLink(ctx, { key, label: "Customer success" }));
    },
  },
  "@/lib/stakeholder/revoke-share-link": {
    audits: "share_link.revoke",
    mutation: async (measure) => {
      const [ctx, { key }] = await Promise.all([as("COMMANDER"), createAlertIncident()]);
      const link = await createShareLink(ctx, { key, label: "Exec team" });
      await measure(ctx, () => revokeShareLink(ctx, { id: link.id }));
    },
  },

  // Review and send (PUT/POST /api/revisions/{id}/...)
  "@/lib/reports/update-draft-section": {
    audits: "revision.edit",
    mutation: async (measure) => {
      const [ctx, { revision, trigger }] = await Promise.all([as("RESPONDER"), draftedWithTrigger()]);
      const content = { statements: [{ text: "Card payments failed for 40 minutes.", citations: [trigger.id] }] };
      await measure(ctx, () => updateDraftSection(ctx, { revisionId: revision.id, section: "summary", content, version: revision.version }));
    },
  },
  "@/lib/reviews/approve-revision": {
    audits: "revision.approve",
    mutation: async (measure) => {
      const [ctx, { revision }] = await Promise.all([as("COMMANDER"), createDraftedIncident(db)]);
      await measure(ctx, () => approveRevision(ctx, { revisionId: revision.id, version: revision.version }));
    },
  },
  "@/lib/reviews/reject-revision": {
    audits: "revision.reject",
    mutation: async (measure) => {
      const [ctx, { revision }] = await Promise.all([as("COMMANDER"), createDraftedIncident(db)]);
      await measure(ctx, () => rejectRevision(ctx, { revisionId: revision.id, version: revision.version, reason: "Names the wrong service." }));
    },
  },
  "@/lib/reviews/request-revision-changes": {
    audits: "revision.request_changes",
    mutation: async (measure) => {
      const [ctx, { revision }] = await Promise.all([as("COMMANDER"), createDraftedIncident(db)]);
      await measure(ctx, () => requestRevisionChanges(ctx, { revisionId: revision.id, version: revision.version, reason: "Say when it started." }));
    },
  },
  "@/lib/reviews/resolve-suggestion": {
    audits: "revision.accept_suggestion",
    mutation: async (measure) => {
      const ctx = await as("RESPONDER");
      const { revisionId, version } = await revisionWithSuggestion(ctx, "remediation");
      await measure(ctx, () => resolveSuggestion(ctx, { revisionId, section: "remediation", version, decision: "accept" }));
    },
  },
  "@/lib/reviews/record-review-presence": {
    exempt: "the review page's heartbeat (who has the draft open, what they last saw): bookkeeping, not a change to the incident; its doc comment says it writes no audit row, like a token's last-used time",
  },
  "@/lib/deliveries/send-revision": {
    audits: "revision.send",
    mutation: async (measure) => {
      const { revision, commander } = await approveDraftedIncident(db);
      const options = { emailFrom: "Sitrep <incidents@status.example.com>", enqueue: async () => {} };
      await measure(commander, () => sendRevision(commander, { revisionId: revision.id, origin: ORIGIN }, options));
    },
  },

  // Settings (ADMIN server actions)
  "@/lib/distribution/save-distribution-list": {
    audits: "distribution_list.create",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      await measure(ctx, () => saveDistributionList(ctx, { name: "On-call leads", recipients: "leads@example.com" }));
    },
  },
  "@/lib/distribution/delete-distribution-list": {
    audits: "distribution_list.delete",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      const list = await db.distributionList.create({ data: { name: "Retired list", recipients: ["old@example.com"] } });
      await measure(ctx, () => deleteDistributionList(ctx, { id: list.id }));
    },
  },
  "@/lib/integrations/update-integration": {
    audits: "integration.generate_token",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      await measure(ctx, () => updateIntegration(ctx, { sender: "datadog", op: "generate_token" }));
    },
  },
  "@/lib/reviews/update-review-policy": {
    audits: "review_policy.update",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      // SEV5: no other scenario drafts one, so the two-person rule changes nothing else here.
      await measure(ctx, () => updateReviewPolicy(ctx, { severity: "SEV5", twoPersonRule: true }));
    },
  },
  "@/lib/tokens/create-api-token": {
    audits: "token.create",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      await measure(ctx, () => createApiToken(ctx, { name: "status page", role: "VIEWER" }));
    },
  },
  "@/lib/tokens/revoke-api-token": {
    audits: "token.revoke",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      const token = await createApiToken(ctx, { name: "leaked", role: "VIEWER" });
      await measure(ctx, () => revokeApiToken(ctx, { tokenId: token.id }));
    },
  },
  "@/lib/users/create-user": {
    audits: "user.create",
    mutation: async (measure) => {
      const ctx = await as("ADMIN");
      await measure(ctx, () => createUser(ctx, { email: "new.hire@example.com", name: "New Hire", role: "RESPONDER", password: "a long enough password" }));
    },
  },
  "@/lib/users/update-user-role": {
    audits: "user.role_change",
    mutation: async (measure) => {
      const [ctx, someone] = await Promise.all([as("ADMIN"), as("RESPONDER")]);
      await measure(ctx, () => updateUserRole(ctx, { userId: someone.actor.id, role: "COMMANDER" }));
    },
  },

};

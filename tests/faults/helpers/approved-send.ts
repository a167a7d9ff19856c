import { SYSTEM_ACTOR } from "@/lib/authz";
import type { Db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { approveDraftedIncident } from "../../helpers/approved-incident";

/**
 * An approved incident report whose one distribution list holds `count` addresses (made before
 * the approval, which covers who gets it), and a COMMANDER API token to send it with.
 */
export async function seedApprovedSend(db: Db, count: number) {
  const recipients = Array.from({ length: count }, (_, i) => `stakeholder-${String(i).padStart(3, "0")}@example.com`);
  await db.distributionList.create({ data: { name: `Everyone (${count})`, recipients, severities: [], categories: [], tags: [] } });
  const approved = await approveDraftedIncident(db);
  const { token } = await createApiToken({ db, actor: SYSTEM_ACTOR, requestId: "fault-seed" }, { name: "fault-commander", role: "COMMANDER" });
  return { revisionId: approved.revision.id, recipients, token };
}

/** Sends through the gate as a script would: `POST /api/revisions/{id}/send` with the token. */
export async function sendThroughApi(appUrl: string, revisionId: string, token: string): Promise<{ revisionId: string; state: string; deliveries: number }> {
  const response = await fetch(`${appUrl}/api/revisions/${revisionId}/send`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { data?: { revisionId: string; state: string; deliveries: number }; error?: unknown };
  if (!response.ok || !body.data) throw new Error(`send refused with ${response.status}: ${JSON.stringify(body)}`);
  return body.data;
}

/** Per recipient, how many distinct emails the provider accepted for them (what their inbox holds). */
export function countInboxes(delivered: Map<string, { body: Record<string, unknown> }>): Record<string, number> {
  const inbox: Record<string, number> = {};
  for (const { body } of delivered.values()) for (const to of body.to as string[]) inbox[to] = (inbox[to] ?? 0) + 1;
  return inbox;
}

import type { Role } from "@/generated/prisma/enums";
import { startUserSession } from "@/lib/auth/start-user-session";
import { SYSTEM_ACTOR } from "@/lib/authz";
import type { Db } from "@/lib/db";
import { sendRevision } from "@/lib/deliveries/send-revision";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { approveDraftedIncident, createSendingLists } from "../approved-incident";
import { createDraftedIncident } from "../drafted-incident";
import { createSessionCookie } from "./request-scope";

/** Someone knocking: a signed-in person (a session cookie), an API token, a share link's holder, or no one. */
export type Principal =
  | { name: string; kind: "user"; role: Role; user: { id: string; email: string }; headers: Record<string, string> }
  | { name: string; kind: "token"; role: Role; headers: Record<string, string> }
  | { name: string; kind: "share-link" | "anonymous"; headers: Record<string, string> };

const SIGNED_IN: Role[] = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER", "AUDITOR"];

/** The real objects the entry points are called on, and the principals calling them. */
export type MatrixWorld = {
  /** An approved and sent incident (a share link opens it). */
  key: string;
  /** A draft revision (of another incident): what the mutating revision routes act on, to be refused for its state, not its caller. */
  draftRevisionId: string;
  rawEventId: string;
  deliveryId: string;
  shareToken: string;
  /** Well-formed, wrongly signed: what a guesser would send. */
  forgedShareToken: string;
  principals: Principal[];
};

/** A session of its own for a user principal (signing out ends the one it had). */
export async function renewSession(db: Db, principal: Extract<Principal, { kind: "user" }>): Promise<void> {
  const sessionId = await startUserSession(db, principal.user.id);
  principal.headers = { cookie: await createSessionCookie(principal.user, sessionId) };
}

export async function createMatrixWorld(db: Db): Promise<MatrixWorld> {
  await createSendingLists(db);
  const approved = await approveDraftedIncident(db);
  await sendRevision(approved.commander, { revisionId: approved.revision.id, origin: "https://sitrep.test" }, { enqueue: async () => {}, emailFrom: "Sitrep <incidents@sitrep.test>" });
  const delivery = await db.delivery.findFirstOrThrow({ where: { revisionId: approved.revision.id } });
  const draft = await createDraftedIncident(db);
  const rawEvent = await db.rawEvent.create({ data: { sender: "pagerduty", deliveryId: "authz-matrix-1", headers: {}, body: Buffer.from("{}") } });
  const link = await createShareLink(approved.commander, { key: approved.key, label: "Authorization matrix", expiresInHours: 24 });

  const principals: Principal[] = [];
  for (const role of SIGNED_IN) {
    const user = await db.user.create({ data: { email: `matrix-${role.toLowerCase()}@sitrep.test`, name: `Matrix ${role}`, role } });
    const principal = { name: role, kind: "user" as const, role, user: { id: user.id, email: user.email }, headers: {} };
    await renewSession(db, principal);
    principals.push(principal);
  }
  for (const [role, scope] of [["AGENT", "propose"], ["RESPONDER", undefined], ["VIEWER", undefined]] as const) {
    const { token } = await createApiToken({ db, actor: SYSTEM_ACTOR }, { name: `matrix ${role}`, role, scope });
    principals.push({ name: `${role} token`, kind: "token", role, headers: { authorization: `Bearer ${token}` } });
  }
  principals.push({ name: "share link", kind: "share-link", headers: { authorization: `Bearer ${link.token}` } });
  principals.push({ name: "anonymous", kind: "anonymous", headers: {} });

  return {
    key: approved.key,
    draftRevisionId: draft.revision.id,
    rawEventId: rawEvent.id,
    deliveryId: delivery.id,
    shareToken: link.token,
    forgedShareToken: `${"A".repeat(22)}.${"B".repeat(43)}`,
    principals,
  };
}

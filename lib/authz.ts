import type { Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";

const ALL: readonly Role[] = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER", "AUDITOR", "AGENT"];
const RESPONDERS: readonly Role[] = ["ADMIN", "COMMANDER", "RESPONDER"];
const COMMANDERS: readonly Role[] = ["ADMIN", "COMMANDER"];
const ADMINS: readonly Role[] = ["ADMIN"];
// An auditor reads what an audit needs and changes nothing: it appears only in read permissions.
const RESPONDERS_AND_AUDITORS: readonly Role[] = [...RESPONDERS, "AUDITOR"];
// An agent (an AI assistant's token) reads what responders read and may propose: evidence, timeline
// entries, draft revisions, tags. Nothing at the gate (approve, send) or in settings names it.
const READERS: readonly Role[] = [...RESPONDERS_AND_AUDITORS, "AGENT"];
const PROPOSERS: readonly Role[] = [...RESPONDERS, "AGENT"];

/** The one table of who may do what. Every read and mutation names one of these. */
export const PERMISSIONS = {
  "incidents.read": ALL,
  "incidents.create": RESPONDERS,
  "incidents.update": RESPONDERS,
  "evidence.read": READERS,
  "evidence.create": PROPOSERS,
  "drafts.read": READERS,
  "drafts.propose": PROPOSERS,
  "incidents.tag": PROPOSERS,
  "drafts.edit": RESPONDERS,
  "incidents.approve": COMMANDERS,
  "incidents.send": COMMANDERS,
  "outbox.read": [...COMMANDERS, "AUDITOR"],
  "audit.read": ["ADMIN", "AUDITOR"],
  "users.manage": ADMINS,
  "tokens.manage": ADMINS,
  "integrations.manage": ADMINS,
  "lists.manage": ADMINS,
  "review.configure": ADMINS,
  "insights.read": [...COMMANDERS, "AUDITOR"],
  "milestones.correct": COMMANDERS,
  "share_links.manage": COMMANDERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type TokenScope = "read" | "propose";

export type Actor =
  | { type: "user"; id: string; label: string; role: Role }
  /** `scope` limits an AGENT token: "read" may use read permissions only. */
  | { type: "token"; id: string; label: string; role: Role; scope?: TokenScope | null }
  | { type: "integration"; id: string | null; label: string; role: Role }
  | { type: "system"; id: null; label: string; role: "ADMIN" };

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, label: "system", role: "ADMIN" };

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** What a read-scoped token may still do. */
const READ_PERMISSIONS: readonly Permission[] = ["incidents.read", "evidence.read", "drafts.read"];

/** Throws FORBIDDEN unless the actor holds the permission (and, for a scoped token, its scope allows it). */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role}) does not allow ${permission}.`, { permission });
  }
  // An AGENT token writes only with the propose scope: a missing scope is read-only, not open.
  if (actor.type === "token" && actor.role === "AGENT" && actor.scope !== "propose" && !READ_PERMISSIONS.includes(permission)) {
    throw new AppError("FORBIDDEN", `This token is read-only; ${permission} needs a token with the propose scope.`, { permission, scope: "read" });
  }
}

export const ROLES = ALL;

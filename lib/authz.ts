import type { Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";

const ALL: readonly Role[] = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER", "AUDITOR"];
const RESPONDERS: readonly Role[] = ["ADMIN", "COMMANDER", "RESPONDER"];
const COMMANDERS: readonly Role[] = ["ADMIN", "COMMANDER"];
const ADMINS: readonly Role[] = ["ADMIN"];
// An auditor reads what an audit needs and changes nothing: it appears only in read permissions.
const RESPONDERS_AND_AUDITORS: readonly Role[] = [...RESPONDERS, "AUDITOR"];

/** The one table of who may do what. Every read and mutation names one of these. */
export const PERMISSIONS = {
  "incidents.read": ALL,
  "incidents.create": RESPONDERS,
  "incidents.update": RESPONDERS,
  "evidence.read": RESPONDERS_AND_AUDITORS,
  "evidence.create": RESPONDERS,
  "drafts.read": RESPONDERS_AND_AUDITORS,
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

export type Actor =
  | { type: "user"; id: string; label: string; role: Role }
  | { type: "token"; id: string; label: string; role: Role }
  | { type: "integration"; id: string | null; label: string; role: Role }
  | { type: "system"; id: null; label: string; role: "ADMIN" };

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, label: "system", role: "ADMIN" };

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws FORBIDDEN unless the actor holds the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role}) does not allow ${permission}.`, { permission });
  }
}

export const ROLES = ALL;

import { randomUUID } from "node:crypto";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/authz";
import { recordPermissionDenial } from "@/lib/audit/record-permission-denial";
import { getSessionActor } from "@/lib/auth/session-actor";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db";
import { enqueueRedraft } from "@/lib/reports/enqueue-redraft";

/**
 * For pages and server actions: the request's context, or a redirect to sign-in, or the 403
 * page when the user lacks the permission the page needs.
 */
export async function requirePageCtx(permission?: Permission): Promise<Ctx> {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const requestId = randomUUID();
  if (permission && !can(actor.role, permission)) {
    await recordPermissionDenial(getDb(), actor, { what: permission, permission, requestId });
    forbidden();
  }
  return { db: getDb(), actor, requestId, enqueueRedraft };
}

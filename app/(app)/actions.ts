"use server";

import { signOut } from "@/lib/auth/auth";
import { revokeCurrentSession } from "@/lib/auth/revoke-user-session";

export async function signOutAction(): Promise<void> {
  // Revoked on the server first: a response racing the sign-out cannot bring the session back.
  await revokeCurrentSession();
  await signOut({ redirectTo: "/login" });
}

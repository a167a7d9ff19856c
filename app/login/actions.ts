"use server";

import { randomUUID } from "node:crypto";
import { AuthError, CredentialsSignin } from "next-auth";
import { SignInThrottled, signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export type SignInState = { error?: string; email?: string };

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeCallbackUrl(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean the sign-in failed.
    if (error instanceof SignInThrottled) return { error: error.refusal.message, email };
    if (error instanceof CredentialsSignin) return { error: "Wrong e-mail or password.", email };
    if (error instanceof AuthError) {
      // Not a wrong password: the database or a provider failed. Say so, with a reference.
      const reference = randomUUID().slice(0, 8);
      console.error(`[auth] sign-in ${reference} failed: ${error.type}`, error.cause ?? "");
      return { error: `Sign-in is unavailable right now (reference ${reference}). Try again shortly.`, email };
    }
    throw error;
  }
}

export async function signInWithOidc(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session-actor";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getEnv, isOidcEnabled } from "@/lib/env";
import { signInWithOidc } from "./actions";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (await getSessionActor()) redirect(target);
  const env = getEnv();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-2xl font-semibold tracking-tight">Sitrep</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">Sign in to the incident room.</p>
        <LoginForm callbackUrl={target} />
        {isOidcEnabled(env) && (
          <form action={signInWithOidc} className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <input type="hidden" name="callbackUrl" value={target} />
            <button type="submit" className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
              Continue with {env.OIDC_NAME}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { AppNav, type NavItem } from "@/components/nav/app-nav";
import { RoleBadge } from "@/components/ui/badges";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { can } from "@/lib/authz";
import { countReviewQueue } from "@/lib/reviews/list-review-queue";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageCtx();
  const role = ctx.actor.role;
  const items: NavItem[] = [];
  if (can(role, "drafts.read")) items.push({ href: "/queue", label: "Queue", badge: await countReviewQueue(ctx), badgeUrl: "/api/queue/count" });
  items.push({ href: "/incidents", label: "Incidents" });
  if (can(role, "insights.read")) items.push({ href: "/insights", label: "Insights" });
  if (can(role, "outbox.read")) items.push({ href: "/outbox", label: "Outbox" });
  if (can(role, "audit.read")) items.push({ href: "/audit", label: "Audit" });
  if (can(role, "users.manage")) items.push({ href: "/settings", label: "Settings" });
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/incidents" className="text-lg font-semibold tracking-tight">
            Sitrep
          </Link>
          <AppNav items={items} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-600 dark:text-slate-400" data-testid="current-user">
              {ctx.actor.label}
            </span>
            <RoleBadge role={role} />
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-2.5 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { fetchJson } from "@/components/api/fetch-json";

/** badgeUrl: a JSON route answering { total }, polled so the count stays live without a reload. */
export type NavItem = { href: string; label: string; badge?: number; badgeUrl?: string };

function Badge({ initial, url }: { initial?: number; url?: string }) {
  const { data } = useQuery({
    queryKey: ["nav-badge", url],
    queryFn: ({ signal }) => fetchJson<{ total: number }>(url!, { signal }).then((r) => r.total),
    initialData: initial ?? 0,
    enabled: Boolean(url),
    refetchInterval: 10_000,
  });
  if (!data) return null;
  return (
    <span className="ml-1.5 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white" aria-label={`${data} waiting`}>
      {data}
    </span>
  );
}

export function AppNav({ items, label = "Main", vertical = false }: { items: NavItem[]; label?: string; vertical?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={`flex gap-1 ${vertical ? "md:flex-col" : "flex-wrap"}`}>
      {items.map((item) => {
        const isActive = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={isActive ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              isActive ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            {item.label}
            {item.badge !== undefined || item.badgeUrl ? <Badge initial={item.badge} url={item.badgeUrl} /> : null}
          </Link>
        );
      })}
    </nav>
  );
}

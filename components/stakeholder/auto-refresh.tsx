"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * The in-app stakeholder page's only island: while the incident is open it asks `versionUrl` every
 * 30 seconds (not while the tab is hidden) and re-renders the server page when what stakeholders see
 * changed. The share link's page, which ships no React, does the same in status-refresh.tsx.
 */
export function AutoRefresh({ versionUrl, version }: { versionUrl: string; version: string }) {
  const router = useRouter();
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      if (document.visibilityState === "hidden") return;
      try {
        const response = await fetch(versionUrl, { cache: "no-store" });
        if (stopped) return;
        // Withdrawn or expired while open: re-render, and the server answers with its 404 page.
        if (response.status === 404) return router.refresh();
        if (!response.ok) return;
        const body = (await response.json()) as { data?: { version?: string } };
        setCheckedAt(new Date());
        if (body.data?.version && body.data.version !== version) router.refresh();
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    const timer = setInterval(check, 30_000);
    document.addEventListener("visibilitychange", check);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", check);
    };
  }, [router, version, versionUrl]);
  return (
    <p className="text-xs text-slate-500 print:hidden" aria-live="polite">
      Updates itself every 30 seconds{checkedAt ? `; last checked ${checkedAt.toISOString().slice(11, 16)} UTC` : ""}.
    </p>
  );
}

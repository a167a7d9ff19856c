"use client";

import { useEffect, useState } from "react";
import { fetchJson } from "@/components/api/fetch-json";

type Other = { userId: string; name: string; section: string | null };
const HEARTBEAT_MS = 8000;

/** Tells the server this person has the draft open (and where they are typing), and shows who else does, across app instances. */
export function PresenceBar({ revisionId, version, section, titles }: { revisionId: string; version: number; section: string | null; titles: Record<string, string> }) {
  const [others, setOthers] = useState<Other[]>([]);
  useEffect(() => {
    let isCurrent = true;
    const beat = () =>
      fetchJson<{ others: Other[] }>(`/api/revisions/${revisionId}/presence`, { method: "POST", body: { version, section } }).then(
        (result) => isCurrent && setOthers(result.others),
        () => undefined,
      );
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [revisionId, version, section]);
  return (
    <p className="text-sm" data-testid="presence" aria-live="polite">
      {others.length === 0 ? (
        <span className="text-slate-500">Nobody else has this draft open.</span>
      ) : (
        <>
          <span className="mr-1 inline-block h-2 w-2 rounded-full bg-emerald-500" aria-hidden />
          Also here:{" "}
          {others.map((o, i) => (
            <span key={o.userId} className="font-medium">
              {i > 0 ? ", " : ""}
              {o.name}
              {o.section && <span className="font-normal text-slate-500"> (editing {titles[o.section] ?? o.section})</span>}
            </span>
          ))}
        </>
      )}
    </p>
  );
}

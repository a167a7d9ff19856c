import type { ApprovedContent } from "@/lib/stakeholder/load-approved-content";
import { CitedLines, utc } from "./cited-lines";

/** Every update that went out, newest first: what stakeholders were told, and when. */
export function SentUpdates({ updates }: { updates: ApprovedContent["updates"] }) {
  if (updates.length === 0) return <p className="muted text-sm text-slate-500">No update has been sent yet.</p>;
  return (
    <ol className="updates space-y-4" aria-label="Sent updates">
      {updates.map((update) => (
        <li key={update.id} className="update break-inside-avoid rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
          <p className="meta mb-2 text-xs text-slate-500">
            <span className="update-kind font-semibold text-slate-700 dark:text-slate-300">{update.kind === "report" ? `Incident report (r${update.number})` : `Status update (r${update.number})`}</span> · sent{" "}
            <time dateTime={update.sentAt.toISOString()}>{utc(update.sentAt)}</time>
          </p>
          {update.kind === "status_update" ? (
            <div className="space-y-2">
              <CitedLines lines={update.content.status} />
              <CitedLines lines={update.content.currentImpact} />
              <CitedLines lines={update.content.latestDevelopment} />
              {update.content.nextUpdateAt && <p className="muted text-slate-500">Next update by {utc(update.content.nextUpdateAt)}.</p>}
            </div>
          ) : (
            <CitedLines lines={update.content.summary} />
          )}
        </li>
      ))}
    </ol>
  );
}

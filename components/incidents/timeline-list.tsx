import Link from "next/link";
import { Time } from "@/components/ui/time";

type Entry = {
  id: string;
  at: Date;
  kind: string;
  text: string;
  source: string;
  authorType: "machine" | "human";
  author: { name: string } | null;
  rawEventId?: string | null;
  data?: unknown;
};

/** The link a finding or a change came with, when it is an http(s) URL. */
function linkOf(data: unknown): string | null {
  const url = (data as { url?: unknown } | null)?.url;
  return typeof url === "string" && /^https?:\/\//.test(url) ? url : null;
}

const KIND_LABEL: Record<string, string> = {
  trigger: "Alert",
  acknowledge: "Acknowledged",
  escalate: "Escalated",
  note: "Note",
  priority_change: "Priority",
  resolve: "Resolved",
  chat_message: "Chat",
  metric_sample: "Metric",
  change: "Change",
  status_change: "Status",
};

/**
 * The evidence timeline. With `selectForm`, each entry gets a checkbox that belongs to that form
 * (the split form), so the list itself needs no client JavaScript.
 */
export function TimelineList({ entries, selectForm }: { entries: Entry[]; selectForm?: string }) {
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-6 dark:border-slate-800" data-testid="timeline">
      {entries.map((entry, i) => (
        <li key={entry.id} id={`evidence-${entry.id}`} className="relative">
          <span
            aria-hidden
            className={`absolute -left-[1.90rem] top-1.5 h-3 w-3 rounded-full border-2 border-white dark:border-slate-950 ${entry.authorType === "human" ? "bg-slate-900 dark:bg-slate-100" : "bg-sky-500"}`}
          />
          <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
            {selectForm && <input type="checkbox" name="entryId" value={entry.id} form={selectForm} aria-label={`Select entry at ${entry.at.toISOString()}`} className="self-center" />}
            <span className="font-mono text-slate-400" title="Cited as this number in the draft">[{i + 1}]</span>
            <Time value={entry.at} withDate={false} />
            <span className="font-medium uppercase tracking-wide">{KIND_LABEL[entry.kind] ?? entry.kind}</span>
            <span>· {entry.source}</span>
            <span className={entry.authorType === "human" ? "" : "italic"}>· {entry.authorType === "human" ? (entry.author?.name ?? "human") : "machine"}</span>
            {entry.rawEventId && (
              <Link href={`/raw-events/${entry.rawEventId}`} className="underline decoration-dotted hover:text-slate-900 dark:hover:text-slate-100">
                raw
              </Link>
            )}
          </div>
          <p className="mt-0.5 whitespace-pre-wrap break-words text-sm">{entry.text}</p>
          {linkOf(entry.data) && (
            <a href={linkOf(entry.data)!} rel="noopener noreferrer nofollow" target="_blank" className="text-xs break-all text-sky-800 underline dark:text-sky-300">
              {linkOf(entry.data)}
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}

import type { Origin } from "@/lib/reports/revision-meta";

const STYLE: Record<Origin, string> = {
  human: "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900",
  agent: "border border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-200",
  machine: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
};
const TEXT: Record<Origin, string> = { human: "edited by a person", agent: "agent proposal · machine text", machine: "machine draft" };

/** Who wrote a section, in words (colour only helps): a person, an agent's tool call, or the drafter. */
export function OriginBadge({ origin }: { origin: string | undefined }) {
  const o: Origin = origin === "human" || origin === "agent" ? origin : "machine";
  return <span className={`rounded px-1.5 text-xs font-medium ${STYLE[o]}`}>{TEXT[o]}</span>;
}

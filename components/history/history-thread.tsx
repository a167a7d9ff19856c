import Link from "next/link";
import { Time } from "@/components/ui/time";
import type { HistoryItem } from "@/lib/history/build-history-thread";
import type { DeliveryGroup } from "@/lib/history/group-deliveries";
import { SectionDiffTable } from "./section-diff-table";

const KIND_LABEL: Record<HistoryItem["kind"], string> = {
  incident: "Incident",
  revision: "Revision",
  edit: "Edit",
  drafter: "Drafter",
  approval: "Approval",
  approval_voided: "Approval voided",
  review: "Review",
  send: "Sent",
  status: "Status",
  merge: "Merge",
  split: "Split",
  classification: "Classification",
  recipients: "Recipients",
  milestone: "Milestone",
  evidence: "Evidence",
  share: "Share link",
  other: "Other",
};

const STATUS_STYLE: Record<string, string> = {
  sent: "text-emerald-700 dark:text-emerald-400",
  failed: "text-red-700 dark:text-red-400",
  queued: "text-slate-600 dark:text-slate-400",
  sending: "text-sky-700 dark:text-sky-400",
};

function Deliveries({ group }: { group: DeliveryGroup }) {
  const pending = group.counts.queued + group.counts.sending;
  return (
    <div className="mt-2 rounded-lg border border-slate-200 p-2 dark:border-slate-700" data-testid="history-deliveries">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium capitalize">{group.template.replace("_", " ")}</span> · “{group.subject}” · {group.counts.sent} sent, {group.counts.failed} failed{pending > 0 ? `, ${pending} pending` : ""}
      </p>
      <ul className="mt-1 space-y-0.5 text-xs">
        {group.recipients.map((r) => (
          <li key={r.id} className="break-words">
            <span className={`font-semibold ${STATUS_STYLE[r.status] ?? ""}`}>{r.status}</span> {r.recipient} <span className="text-slate-500">· {r.reason} · {r.attempts} attempt{r.attempts === 1 ? "" : "s"}</span>
            {r.sentAt && (
              <span className="text-slate-500">
                {" "}· sent <Time value={r.sentAt} />
              </span>
            )}
            {r.lastError && <span className="block text-red-700 dark:text-red-400">{r.lastError}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The incident's history, oldest first: time, who (person or machine), what happened, and for edits what changed. */
export function HistoryThread({ items }: { items: HistoryItem[] }) {
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-6 dark:border-slate-800" data-testid="history-thread">
      {items.map((item) => {
        const isVoidedApproval = item.kind === "approval" && item.voided !== null;
        return (
          <li key={item.id} className="relative" data-kind={item.kind} data-action={item.action}>
            <span aria-hidden className={`absolute -left-[1.90rem] top-1.5 h-3 w-3 rounded-full border-2 border-white dark:border-slate-950 ${item.actor?.kind === "human" ? "bg-slate-900 dark:bg-slate-100" : "bg-sky-500"}`} />
            <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
              <Time value={item.at} />
              <span className="font-medium uppercase tracking-wide">{KIND_LABEL[item.kind]}</span>
              {item.actor ? (
                <span>
                  · {item.actor.label} <span className={item.actor.kind === "human" ? "" : "italic"}>({item.actor.kind}{item.actor.detail ? `, ${item.actor.detail}` : ""})</span>
                </span>
              ) : (
                <span>· recorded by Sitrep</span>
              )}
            </div>
            <p className={`mt-0.5 text-sm font-medium ${isVoidedApproval ? "text-slate-500 line-through decoration-red-600" : ""}`}>{item.title}</p>
            {isVoidedApproval && <p className="text-xs font-semibold uppercase text-red-700 dark:text-red-400">Voided: no longer covers what is sent</p>}
            {item.details.length > 0 && (
              <ul className="mt-0.5 space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
                {item.details.map((detail, i) => (
                  <li key={i} className="break-words">
                    {detail}
                  </li>
                ))}
              </ul>
            )}
            {item.relatedIncident && (
              <Link href={`/incidents/${item.relatedIncident}/history`} className="text-xs underline">
                {item.relatedIncident} history
              </Link>
            )}
            {item.deliveries.map((group) => (
              <Deliveries key={`${group.revisionId}-${group.template}`} group={group} />
            ))}
            {item.diff && (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-slate-600 hover:underline dark:text-slate-400">
                  What changed (+{item.diff.added} −{item.diff.removed})
                </summary>
                <div className="mt-1">
                  <SectionDiffTable diff={item.diff} />
                </div>
              </details>
            )}
            {item.hash && (
              <p className="font-mono text-[10px] text-slate-400" title={item.hash}>
                audit #{item.auditId} · {item.hash.slice(0, 12)}…
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, fetchJson } from "@/components/api/fetch-json";
import type { Review } from "@/lib/reviews/get-review";
import { useReviewCache, type ReviewKind } from "./use-review-query";

type Props = { review: Review & { revision: NonNullable<Review["revision"]> }; kind: ReviewKind; hasUnsaved: boolean; titles: Record<string, string> };
const primary = "rounded-md bg-slate-900 px-3 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-40 dark:bg-slate-100 dark:text-slate-900";
const secondary = "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800";

/** Approve (commanders), send back for changes, or reject with a reason; each carries the version the reviewer read. */
export function ReviewActions({ review, kind, hasUnsaved, titles }: Props) {
  const { revision, permissions, policy } = review;
  const cache = useReviewCache(review.incident.key, kind);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const version = () => cache.read()?.revision?.version ?? revision.version;
  const decide = useMutation({
    mutationFn: async (action: "approve" | "approve-and-send" | "send" | "reject" | "request-changes") => {
      if (action === "send") return fetchJson(`/api/revisions/${revision.id}/send`, { method: "POST", body: {} });
      if (action === "approve" || action === "approve-and-send") {
        await fetchJson(`/api/revisions/${revision.id}/approve`, { method: "POST", body: { version: version() } });
        return action === "approve-and-send" ? fetchJson(`/api/revisions/${revision.id}/send`, { method: "POST", body: {} }) : null;
      }
      return fetchJson(`/api/revisions/${revision.id}/${action}`, { method: "POST", body: { version: version(), reason } });
    },
    onMutate: () => setError(null),
    onSuccess: (_data, action) => {
      if (action === "reject" || action === "request-changes") setReason("");
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : "That did not work; try again."),
    onSettled: () => cache.refresh(),
  });
  const problems = Object.entries(revision.approvalProblems);
  const current = revision.approvals.find((a) => a.isCurrent);
  const blockedByRule = policy.twoPersonRule && permissions.isLastEditor;
  const isOpen = ["draft", "in_review"].includes(revision.state);
  const canDecide = permissions.canApprove && ["draft", "in_review", "approved"].includes(revision.state);
  return (
    <section aria-labelledby="decision-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="review-actions">
      <h2 id="decision-heading" className="text-base font-semibold">
        Decision
      </h2>
      <p className="text-sm" data-testid="revision-state">
        {kind === "report" ? "Report" : "Status update"} r{revision.number}: <strong>{revision.state.replace("_", " ")}</strong>
        {current && ` by ${current.approver} at ${current.at.slice(11, 16)} UTC`}
      </p>
      {revision.approvals
        .filter((a) => a.voidedAt)
        .slice(-2)
        .map((a) => (
          <p key={a.id} className="text-xs text-slate-500">
            Approval by {a.approver} voided at {a.voidedAt!.slice(11, 16)} UTC: {a.voidReason}
          </p>
        ))}
      {policy.twoPersonRule && <p className="text-xs text-slate-600 dark:text-slate-400">Two-person rule for {review.incident.severity}: whoever made the last edit cannot approve.</p>}
      {!permissions.isApproverRole && <p className="text-sm text-slate-600 dark:text-slate-400">Only a commander or admin approves or sends. Your edits are saved for them to review.</p>}
      {permissions.canApprove && isOpen && (
        <>
          {problems.length > 0 && (
            <ul className="list-inside list-disc text-xs text-amber-800 dark:text-amber-300" aria-label="What blocks approval">
              {problems.map(([name, message]) => (
                <li key={name}>
                  {titles[name] ?? name}: {message}
                </li>
              ))}
            </ul>
          )}
          {blockedByRule && <p className="text-xs text-amber-800 dark:text-amber-300">You made the last edit; another commander must approve.</p>}
          {hasUnsaved && <p className="text-xs text-slate-500">Waiting for your edits to save before approval.</p>}
          <div className="flex flex-wrap gap-2">
            <button type="button" className={primary} disabled={decide.isPending || problems.length > 0 || blockedByRule || hasUnsaved} onClick={() => decide.mutate("approve")}>
              Approve r{revision.number}
            </button>
            {permissions.canSend && (
              <button type="button" className={secondary} disabled={decide.isPending || problems.length > 0 || blockedByRule || hasUnsaved} onClick={() => decide.mutate("approve-and-send")}>
                Approve and send
              </button>
            )}
          </div>
        </>
      )}
      {revision.state === "approved" && permissions.canSend && (
        <button type="button" className={primary} disabled={decide.isPending || hasUnsaved} onClick={() => decide.mutate("send")}>
          Send r{revision.number} now
        </button>
      )}
      {revision.deliveries.length > 0 && <DeliveryList deliveries={revision.deliveries} />}
      {canDecide && (
        <div className="space-y-2 border-t border-slate-100 pt-3 dark:border-slate-800">
          <label htmlFor="decision-reason" className="text-xs font-medium text-slate-600 dark:text-slate-400">
            Reason (for changes or rejection)
          </label>
          <textarea id="decision-reason" rows={2} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950" />
          <div className="flex flex-wrap gap-2">
            <button type="button" className={secondary} disabled={decide.isPending} onClick={() => decide.mutate("request-changes")}>
              Request changes
            </button>
            <button type="button" className={secondary} disabled={decide.isPending} onClick={() => decide.mutate("reject")}>
              Reject
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
    </section>
  );
}

const STATUS_STYLE: Record<string, string> = { queued: "text-slate-600", sending: "text-slate-600", sent: "text-emerald-700 dark:text-emerald-400", failed: "text-red-700 dark:text-red-400" };

/** Per recipient: queued, sent, or failed with the provider's reason. */
function DeliveryList({ deliveries }: { deliveries: Props["review"]["revision"]["deliveries"] }) {
  const sent = deliveries.filter((d) => d.status === "sent").length;
  return (
    <div className="space-y-1 border-t border-slate-100 pt-3 text-xs dark:border-slate-800" data-testid="deliveries">
      <p className="font-medium">
        Sent to {sent} of {deliveries.length}
      </p>
      <ul className="space-y-0.5">
        {deliveries.map((d) => (
          <li key={d.id} className="break-words">
            <span className={`font-medium ${STATUS_STYLE[d.status] ?? ""}`}>{d.status}</span> {d.recipient} <span className="text-slate-500">({d.template === "action_items" ? "action items" : d.reason})</span>
            {d.lastError && <span className="block text-red-700 dark:text-red-400">{d.lastError}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

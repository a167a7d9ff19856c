"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";
import type { Review } from "@/lib/reviews/get-review";
import { EmailPreview } from "./email-preview";
import { EvidenceDialogFor } from "./evidence-dialog";
import { EvidenceProvider } from "./evidence-context";
import { PresenceBar } from "./presence-bar";
import { RecipientsPanel } from "./recipients-panel";
import { ReviewActions } from "./review-actions";
import { SECTION_TITLES, SectionEditor } from "./section-editor";
import { useReviewQuery, type ReviewKind } from "./use-review-query";

/** The incident commander's editor: every section as a form, live from the server, with the decision and the email preview beside it. */
export function ReviewEditor({ initial, kind }: { initial: Review; kind: ReviewKind }) {
  const { data: review } = useReviewQuery(initial, kind);
  const [openId, setOpenId] = useState<string | null>(null);
  const [activeSection, setActiveSection] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState<Set<string>>(new Set());
  const onUnsavedChange = useCallback((name: string, isUnsaved: boolean) => {
    setUnsaved((current) => {
      if (current.has(name) === isUnsaved) return current;
      const next = new Set(current);
      if (isUnsaved) next.add(name);
      else next.delete(name);
      return next;
    });
  }, []);
  const titles = useMemo(() => Object.fromEntries(SECTION_TITLES[kind].map((s) => [s.name, s.title])), [kind]);
  const hasUnsaved = unsaved.size > 0;

  // Leaving with text the server does not have yet asks first (a closed tab, a reload, or a link in the app).
  useEffect(() => {
    if (!hasUnsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => {
      const link = (event.target as HTMLElement | null)?.closest("a[href]");
      if (link && !link.getAttribute("href")?.startsWith("#") && !link.hasAttribute("target") && !window.confirm("Some of your edits are not saved yet. Leave anyway? (They stay in this browser and come back when you return.)")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [hasUnsaved]);

  const { incident, revision } = review;
  const other: ReviewKind = kind === "report" ? "status_update" : "report";
  return (
    <EvidenceProvider incidentKey={review.incident.key} evidence={review.evidence} total={review.evidenceTotal} onOpen={setOpenId}>
      <header className="mb-4 space-y-2">
        <p className="text-sm">
          <Link href={`/incidents/${incident.key}`} className="font-mono text-slate-500 hover:underline">
            {incident.key}
          </Link>{" "}
          <span className="text-slate-400">/</span> review
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{incident.title}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          <span className="capitalize text-slate-600 dark:text-slate-400">{incident.category}</span>
          {incident.tags.map((tag) => (
            <span key={tag} className="text-xs text-slate-500">
              #{tag}
            </span>
          ))}
          <nav aria-label="What to review" className="ml-auto flex gap-1">
            <span aria-current="page" className="rounded-md bg-slate-900 px-2.5 py-1 text-xs font-medium text-white dark:bg-slate-100 dark:text-slate-900">
              {kind === "report" ? "Report" : "Status update"}
            </span>
            <Link href={`/incidents/${incident.key}/review${other === "report" ? "" : "?kind=status_update"}`} className="rounded-md px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800">
              {other === "report" ? "Report" : "Status update"}
            </Link>
          </nav>
        </div>
      </header>
      {!revision ? (
        <p className="rounded-xl border border-dashed border-slate-300 px-6 py-12 text-center text-sm dark:border-slate-700">No {kind === "report" ? "report" : "status update"} has been drafted for this incident yet.</p>
      ) : (
        <>
          <div className="mb-4 space-y-2">
            <PresenceBar revisionId={revision.id} version={revision.version} section={activeSection} titles={titles} />
            {incident.mergedInto && <Banner tone="amber">This incident was merged into {incident.mergedInto}; review the draft there.</Banner>}
            {revision.reviewNote && <Banner tone="amber">Changes requested — {revision.reviewNote}</Banner>}
            {revision.state === "rejected" && <Banner tone="red">Rejected: {revision.rejectedReason}. The next draft carries the people&apos;s sections forward.</Banner>}
            {revision.state === "approved" && <Banner tone="emerald">Approved. Any edit voids the approval, and it has to be approved again.</Banner>}
            {revision.writer?.kind === "llm" && <Banner tone="slate">Prose written by {revision.writer.model}; evidence and citations checked by Sitrep.</Banner>}
            {revision.agent && (
              <Banner tone="violet">
                Proposed by an agent ({revision.agent.label}): machine text in {revision.agent.sections.join(", ")}. Check it against the evidence before approving.{revision.agent.note && ` Its note: “${revision.agent.note}”`}
              </Banner>
            )}
          </div>
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
            <div className="min-w-0 space-y-4">
              {SECTION_TITLES[kind].map(({ name, title }) => (
                <SectionEditor key={`${revision.id}:${name}`} review={review as never} kind={kind} name={name} title={title} onUnsavedChange={onUnsavedChange} onFocusSection={setActiveSection} />
              ))}
            </div>
            <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
              <ReviewActions review={review as never} kind={kind} hasUnsaved={hasUnsaved} titles={titles} />
              {review.permissions.canSend && <RecipientsPanel incidentKey={incident.key} kind={kind} extra={incident.extraRecipients} excluded={incident.excludedRecipients} />}
              <EmailPreview revisionId={revision.id} contentHash={revision.contentHash} severity={incident.severity} category={incident.category} />
            </aside>
          </div>
        </>
      )}
      <EvidenceDialogFor id={openId} onClose={() => setOpenId(null)} />
    </EvidenceProvider>
  );
}

const TONES = {
  amber: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  red: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  emerald: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  slate: "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
  violet: "border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100",
};

function Banner({ tone, children }: { tone: keyof typeof TONES; children: React.ReactNode }) {
  return (
    <p role="status" className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}>
      {children}
    </p>
  );
}

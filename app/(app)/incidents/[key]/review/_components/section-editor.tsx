"use client";

import { useEffect } from "react";
import type { FieldValues } from "react-hook-form";
import { sectionSchemaFor } from "@/lib/drafting/section-schemas";
import type { Review } from "@/lib/reviews/get-review";
import { ActionItemsEditor } from "./action-items-editor";
import type { AnyForm } from "./field-parts";
import { ImpactEditor } from "./impact-editor";
import { RootCauseEditor } from "./root-cause-editor";
import { SectionCard } from "./section-card";
import { StatementsField } from "./statements-field";
import { NEXT_UPDATE_ADAPTER, NextUpdateEditor, StatusEditor } from "./status-update-editors";
import { TimelineEditor } from "./timeline-editor";
import { useSectionForm } from "./use-section-form";
import type { ReviewKind } from "./use-review-query";

export const SECTION_TITLES: Record<ReviewKind, { name: string; title: string }[]> = {
  report: [
    { name: "summary", title: "Summary" },
    { name: "timeline", title: "Timeline" },
    { name: "impact", title: "Impact" },
    { name: "rootCause", title: "Root cause" },
    { name: "remediation", title: "Remediation" },
    { name: "actionItems", title: "Follow-up action items" },
  ],
  status_update: [
    { name: "status", title: "Status" },
    { name: "currentImpact", title: "Current impact" },
    { name: "latestDevelopment", title: "Latest development" },
    { name: "nextUpdateAt", title: "Next update" },
  ],
};

type Props = {
  review: Review & { revision: NonNullable<Review["revision"]> };
  kind: ReviewKind;
  name: string;
  title: string;
  onUnsavedChange: (name: string, isUnsaved: boolean) => void;
  onFocusSection: (name: string | null) => void;
};

/** One section: its form (autosaved), wrapped in the card that shows origin, diff, suggestion and conflicts. */
export function SectionEditor({ review, kind, name, title, onUnsavedChange, onFocusSection }: Props) {
  const { revision, permissions } = review;
  const canEdit = permissions.canEdit;
  const state = useSectionForm<FieldValues>({
    incidentKey: review.incident.key,
    kind,
    revisionId: revision.id,
    name,
    schema: sectionSchemaFor(kind, name)!,
    serverContent: revision.sections[name] ?? null,
    serverHash: revision.sectionHashes[name] ?? "",
    disabled: !canEdit,
    adapter: name === "nextUpdateAt" ? (NEXT_UPDATE_ADAPTER as never) : undefined,
  });
  useEffect(() => onUnsavedChange(name, state.isUnsaved), [name, onUnsavedChange, state.isUnsaved]);
  const form = state.form as unknown as AnyForm;
  return (
    <SectionCard title={title} name={name} incidentKey={review.incident.key} kind={kind} revision={revision} state={state as never} canEdit={canEdit} onFocusSection={onFocusSection}>
      <form onSubmit={(e) => e.preventDefault()} aria-label={title} noValidate>
        <fieldset disabled={!state.ready} className="m-0 min-w-0 border-0 p-0">
        {name === "summary" && <StatementsField form={form} path="statements" label="Summary statement" canEdit={canEdit} />}
        {name === "remediation" && <StatementsField form={form} path="statements" label="Remediation statement" canEdit={canEdit} />}
        {name === "timeline" && <TimelineEditor form={form} canEdit={canEdit} />}
        {name === "impact" && <ImpactEditor form={form} canEdit={canEdit} />}
        {name === "rootCause" && <RootCauseEditor form={form} canEdit={canEdit} canConfirm={permissions.canApprove} />}
        {name === "actionItems" && <ActionItemsEditor form={form} canEdit={canEdit} users={review.users} />}
        {name === "status" && <StatusEditor form={form} canEdit={canEdit} />}
        {(name === "currentImpact" || name === "latestDevelopment") && <StatementsField form={form} path="statements" label={title} canEdit={canEdit} />}
        {name === "nextUpdateAt" && <NextUpdateEditor form={form} canEdit={canEdit} />}
        </fieldset>
      </form>
    </SectionCard>
  );
}

"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/api/fetch-json";

type Preview = { version: number; contentHash: string; emails: { template: string; list: { id: string; name: string } | null; reason: string; recipients: string[]; subject: string; html: string; text: string }[] };

const TEMPLATE_LABEL: Record<string, string> = { incident_report: "Incident report", status_update: "Status update", resolution: "Resolution notice", action_items: "[ACTION REQUIRED] action items" };

/** The exact emails approval would send (rendered by the server with React Email), per list, with the addresses; refreshed whenever the saved text changes. */
export function EmailPreview({ revisionId, contentHash, severity, category }: { revisionId: string; contentHash: string; severity: string; category: string }) {
  const preview = useQuery({
    queryKey: ["email-preview", revisionId, contentHash],
    queryFn: ({ signal }) => fetchJson<Preview>(`/api/revisions/${revisionId}/email-preview`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const [showText, setShowText] = useState<number | null>(null);
  return (
    <section aria-labelledby="preview-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="email-preview">
      <h2 id="preview-heading" className="text-base font-semibold">
        What approval sends {preview.isFetching && <span className="text-xs font-normal text-slate-500">updating…</span>}
      </h2>
      {preview.error && <p className="text-sm text-red-700">{preview.error.message}</p>}
      {preview.data && preview.data.emails.some((e) => e.recipients.length > 0) && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {preview.data.emails.length} email{preview.data.emails.length === 1 ? "" : "s"} to {preview.data.emails.reduce((n, e) => n + e.recipients.length, 0)} addresses, each address once per kind of email.
        </p>
      )}
      {preview.data?.emails.map((email, i) => (
        <details key={`${email.template}:${email.reason}:${email.recipients[0] ?? ""}`} open={i === 0} className="group space-y-2 border-t border-slate-100 pt-3 first-of-type:border-0 first-of-type:pt-0 dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-medium">
            {email.recipients.length === 0 ? `No distribution list matches ${severity} ${category}: nobody would get it.` : `${TEMPLATE_LABEL[email.template] ?? email.template} → ${email.list ? `list ${email.list.name}` : email.reason} (${email.recipients.length})`}
          </summary>
          {email.recipients.length > 0 && (
            <p className="text-xs break-words text-slate-600 dark:text-slate-400" data-testid="preview-recipients">
              To ({email.recipients.length}): {email.recipients.join(", ")}
            </p>
          )}
          <p className="text-xs">
            <span className="text-slate-500">Subject:</span> {email.subject}
          </p>
          <iframe title={`Email: ${email.subject} (${email.reason})`} srcDoc={email.html} sandbox="" className="h-96 w-full rounded-lg border border-slate-200 bg-white dark:border-slate-700" />
          <button type="button" className="text-xs text-sky-700 underline dark:text-sky-300" aria-expanded={showText === i} onClick={() => setShowText(showText === i ? null : i)}>
            {showText === i ? "Hide" : "Show"} the plain-text part
          </button>
          {showText === i && <pre className="max-h-72 overflow-auto whitespace-pre-wrap rounded-lg bg-slate-50 p-2 text-xs dark:bg-slate-800">{email.text}</pre>}
        </details>
      ))}
    </section>
  );
}

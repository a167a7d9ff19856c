"use client";

import { useActionState, useState } from "react";
import { FieldErrorList, FormMessage, inputClass } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/http/run-action";
import { createShareLinkAction, revokeShareLinkAction } from "../actions";

export type ShareLinkRow = {
  id: string;
  label: string;
  state: "active" | "expired" | "revoked";
  url: string | null;
  expiresAt: string;
  createdBy: string | null;
  revoked: { at: string; by: string | null } | null;
  views: number;
};

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

const EXPIRY = [
  { hours: 24, label: "1 day" },
  { hours: 7 * 24, label: "7 days" },
  { hours: 30 * 24, label: "30 days" },
  { hours: 90 * 24, label: "90 days" },
];

/** Read-only links to the approved content, for people without an account; each expires and can be revoked. */
export function ShareLinksPanel({
  incidentKey,
  links,
  canCreate,
}: {
  incidentKey: string;
  links: ShareLinkRow[];
  canCreate: boolean;
}) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(
    createShareLinkAction,
    {},
  );
  return (
    <details
      className="rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
      open={links.some((l) => l.state === "active")}
    >
      <summary className="cursor-pointer font-semibold">
        Share links ({links.filter((l) => l.state === "active").length} active)
      </summary>
      <p className="mt-2 text-xs text-slate-500">
        Anyone with a link reads the approved report and the sent updates, never
        a draft.
      </p>
      {canCreate && (
        <form
          action={action}
          aria-label="New share link"
          className="mt-3 space-y-2"
        >
          <input type="hidden" name="key" value={incidentKey} />
          <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
            For whom
            <input
              name="label"
              required
              maxLength={80}
              placeholder="Customer success team"
              defaultValue={state.values?.label}
              className={inputClass}
            />
          </label>
          <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
            Valid for
            <select
              name="expiresInHours"
              defaultValue={state.values?.expiresInHours ?? String(7 * 24)}
              className={inputClass}
            >
              {EXPIRY.map((e) => (
                <option key={e.hours} value={e.hours}>
                  {e.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            disabled={isPending}
            className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Create link
          </button>
          <FieldErrorList fieldErrors={state.fieldErrors} />
          <FormMessage state={state} />
        </form>
      )}
      {links.length > 0 && (
        <ul className="mt-4 space-y-3" aria-label="Share links">
          {links.map((link) => (
            <ShareLinkItem
              key={link.id}
              incidentKey={incidentKey}
              link={link}
            />
          ))}
        </ul>
      )}
    </details>
  );
}

function ShareLinkItem({
  incidentKey,
  link,
}: {
  incidentKey: string;
  link: ShareLinkRow;
}) {
  const [state, action, isPending] = useActionState<ActionState, FormData>(
    revokeShareLinkAction,
    {},
  );
  const [copied, setCopied] = useState(false);
  return (
    <li
      className="border-t border-slate-200 pt-2 text-xs dark:border-slate-800"
      data-testid="share-link"
    >
      <p>
        <span className="font-medium">{link.label}</span> ·{" "}
        <span
          className={
            link.state === "active" ? "font-semibold" : "text-slate-500"
          }
        >
          {link.state}
        </span>
      </p>
      <p className="text-slate-500">
        {link.revoked
          ? `revoked ${utc(link.revoked.at)}${link.revoked.by ? ` by ${link.revoked.by}` : ""}`
          : `${link.state === "active" ? "expires" : "expired"} ${utc(link.expiresAt)}`}{" "}
        · {link.views} view{link.views === 1 ? "" : "s"}
        {link.createdBy && ` · created by ${link.createdBy}`}
      </p>
      {link.url && (
        <div className="mt-1 flex gap-1">
          <input
            readOnly
            value={link.url}
            aria-label={`Link for ${link.label}`}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-1.5 py-1 font-mono text-[11px] dark:border-slate-700 dark:bg-slate-950"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="rounded border border-slate-300 px-2 dark:border-slate-700"
            onClick={(event) => {
              // Without a clipboard (a plain-http origin), select the text so Ctrl+C copies it.
              const input = event.currentTarget
                .previousElementSibling as HTMLInputElement | null;
              if (navigator.clipboard)
                void navigator.clipboard.writeText(link.url!).then(
                  () => setCopied(true),
                  () => input?.select(),
                );
              else input?.select();
            }}
          >
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      )}
      {link.state === "active" && (
        <form action={action} className="mt-1">
          <input type="hidden" name="id" value={link.id} />
          <input type="hidden" name="key" value={incidentKey} />
          <button
            type="submit"
            disabled={isPending}
            className="text-red-700 underline hover:no-underline dark:text-red-400"
          >
            Revoke “{link.label}”
          </button>
        </form>
      )}
      <FormMessage state={state} />
    </li>
  );
}

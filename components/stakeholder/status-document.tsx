import type { ReactNode } from "react";
import { render } from "@react-email/render";
import type { openShareLink } from "@/lib/stakeholder/open-share-link";
import { StakeholderView } from "./stakeholder-view";
import { StatusRefresh } from "./status-refresh";
import { STATUS_PAGE_CSS } from "./status-page-styles";

export type SharedView = Awaited<ReturnType<typeof openShareLink>>;

/**
 * The whole document, as the App Router page's metadata had it: the token in the URL is a bearer
 * secret, so no Referer leaves the page and no search engine keeps it (the route sends the same
 * as headers). The style carries the nonce too, so the policy can drop 'unsafe-inline' for styles one day.
 */
function StatusDocument({ nonce, children }: { nonce: string | null; children: ReactNode }) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a route handler's own document, not a Pages Router page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>Incident status</title>
        <style nonce={nonce ?? undefined} dangerouslySetInnerHTML={{ __html: STATUS_PAGE_CSS }} />
      </head>
      <body>{children}</body>
    </html>
  );
}

/**
 * React's server renderer, so every value is escaped as on the app's pages. Next 16 refuses a route
 * handler (or anything it imports) that imports react-dom/server; React Email's render, which the
 * evidence pack's export already uses in a route handler, loads it for us. Its doctype is for mail
 * clients; a browser wants the HTML5 one.
 */
const toHtml = async (document: ReactNode) => (await render(document)).replace(/^<!DOCTYPE[^>]*>/i, "<!DOCTYPE html>");

/** What a share link opens: the approved content, and while the incident is open, the note that polls for changes. */
export function renderSharePage(view: SharedView, options: { versionUrl: string; nonce: string | null }): Promise<string> {
  const expires = view.link.expiresAt.toISOString();
  return toHtml(
    <StatusDocument nonce={options.nonce}>
      <main>
        <p className="share-note">
          Shared by the incident commander for {view.link.label}. Approved content only; this link stops working on {expires.slice(0, 10)} at {expires.slice(11, 16)} UTC.
        </p>
        <StakeholderView view={view} refresh={<StatusRefresh versionUrl={options.versionUrl} version={view.version} nonce={options.nonce} />} />
      </main>
    </StatusDocument>,
  );
}

/**
 * The pages the App Router's not-found and error boundaries used to give. A forged, revoked or
 * expired link, or one that never existed, gets the same 404 page, so a stranger learns nothing.
 */
const PROBLEMS = {
  "not-found": { code: "404", title: "This link does not work", text: "It may have expired or been withdrawn. Ask the incident commander who shared it for a new one." },
  unavailable: { code: "503", title: "Incident status is unavailable", text: "Storage is unavailable; retry shortly." },
  internal: { code: "500", title: "Incident status could not be shown", text: "Something went wrong on our side; it has been logged." },
} as const;

export function renderStatusProblem(problem: keyof typeof PROBLEMS, options: { nonce: string | null; requestId?: string }): Promise<string> {
  const { code, title, text } = PROBLEMS[problem];
  return toHtml(
    <StatusDocument nonce={options.nonce}>
      <main className="problem">
        <p className="problem-code">{code}</p>
        <h1>{title}</h1>
        <p className="problem-text">{text}</p>
        {options.requestId && <p className="problem-text meta">Reference {options.requestId}</p>}
      </main>
    </StatusDocument>,
  );
}

import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StakeholderView } from "@/components/stakeholder/stakeholder-view";
import { isAppError } from "@/lib/errors";
import { openShareLink } from "@/lib/stakeholder/open-share-link";

// The token is a bearer secret: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = { title: "Incident status", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function StatusPage({ params }: PageProps<"/status/[token]">) {
  const { token } = await params;
  // Our own id, never the visitor's: an anonymous caller does not get to write into the audit log.
  const view = await openShareLink({ token, requestId: randomUUID() }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const expires = view.link.expiresAt.toISOString();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 print:max-w-none print:px-0 print:py-0">
      <p className="mb-6 text-xs text-slate-500">
        Shared by the incident commander for {view.link.label}. Approved content only; this link stops working on {expires.slice(0, 10)} at {expires.slice(11, 16)} UTC.
      </p>
      <StakeholderView view={view} versionUrl={`/api/status/${token}`} />
    </main>
  );
}

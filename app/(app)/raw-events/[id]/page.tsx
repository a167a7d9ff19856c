import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { isAppError } from "@/lib/errors";
import { getRawEvent } from "@/lib/raw-events/get-raw-event";

export const metadata: Metadata = { title: "Raw event" };

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export default async function RawEventPage({ params }: PageProps<"/raw-events/[id]">) {
  const ctx = await requirePageCtx("evidence.read");
  const { id } = await params;
  const raw = await getRawEvent(ctx, { id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`${raw.sender} delivery`}
        description={
          <>
            Received <Time value={raw.receivedAt} /> · {raw.bodyBytes} bytes · state {raw.state}
            {raw.ignoredReason && ` (${raw.ignoredReason})`}
            {raw.incident && (
              <>
                {" "}
                · <Link href={`/incidents/${raw.incident}`} className="underline">{raw.incident}</Link>
              </>
            )}
          </>
        }
      />
      {raw.error && <p className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">Processing failed: {raw.error}</p>}
      <h2 className="mb-2 font-semibold">Headers</h2>
      <pre className="mb-6 overflow-x-auto rounded-xl bg-slate-900 p-4 text-xs text-slate-100">{JSON.stringify(raw.headers, null, 2)}</pre>
      <h2 className="mb-2 font-semibold">Body, exactly as received (delivery id {raw.deliveryId})</h2>
      <pre className="overflow-x-auto rounded-xl bg-slate-900 p-4 text-xs text-slate-100">{pretty(raw.body)}</pre>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { getOutboxMessage } from "@/lib/deliveries/get-outbox-message";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Message" };

export default async function OutboxMessagePage({ params }: PageProps<"/outbox/[id]">) {
  const ctx = await requirePageCtx("outbox.read");
  const message = await getOutboxMessage(ctx, { id: (await params).id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const rows: [string, React.ReactNode][] = [
    ["To", message.recipient],
    ["Subject", message.subject],
    ["Why", message.reason],
    ["Status", `${message.status}${message.lastError ? ` — ${message.lastError}` : ""} (${message.attempts} tries)`],
    ["Sent", <Time key="sent" value={message.sentAt} />],
    ...Object.entries(message.headers).map(([name, value]): [string, React.ReactNode] => [name, <code key={name}>{value}</code>]),
    ["Tags", message.tags.map((t) => `${t.name}=${t.value}`).join(", ")],
    ["Provider id", message.providerMessageId ?? "—"],
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/outbox" className="text-slate-500 hover:underline">
          Outbox
        </Link>{" "}
        ·{" "}
        <Link href={`/incidents/${message.incidentKey}`} className="font-mono text-slate-500 hover:underline">
          {message.incidentKey}
        </Link>
      </p>
      <PageHeader title={message.subject} description={`${message.template.replace("_", " ")} of ${message.revision.kind === "report" ? "report" : "status update"} r${message.revision.number}, as handed to the transport.`} />
      <dl className="mb-6 grid gap-x-4 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[10rem_1fr] dark:border-slate-800 dark:bg-slate-900" data-testid="message-headers">
        {rows.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-500">{name}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-2 text-lg font-semibold">HTML</h2>
      <iframe title="HTML part" srcDoc={message.html} sandbox="" className="mb-6 h-[36rem] w-full rounded-xl border border-slate-200 bg-white dark:border-slate-800" />
      <h2 className="mb-2 text-lg font-semibold">Plain text</h2>
      <pre className="overflow-auto whitespace-pre-wrap rounded-xl bg-slate-50 p-4 text-sm dark:bg-slate-900" data-testid="message-text">
        {message.text}
      </pre>
    </>
  );
}

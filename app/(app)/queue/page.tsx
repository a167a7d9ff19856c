import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listReviewQueue, reviewQueueFilterSchema } from "@/lib/reviews/list-review-queue";
import { QueueFilters } from "./_components/queue-filters";
import { QueueList } from "./_components/queue-list";

export const metadata: Metadata = { title: "Review queue" };

export default async function QueuePage({ searchParams }: PageProps<"/queue">) {
  const ctx = await requirePageCtx("drafts.read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]).filter(([k, v]) => ["severity", "category", "tag", "mine"].includes(k as string) && v)) as Record<string, string>;
  const parsed = reviewQueueFilterSchema.safeParse(raw);
  const filter = parsed.success ? raw : {};
  const items = await listReviewQueue(ctx, filter);
  return (
    <>
      <PageHeader title="Review queue" description="Drafts waiting for a human, most severe and oldest first. Nothing is sent until a commander approves it. Keys: j / k to move, Enter to open." />
      <QueueFilters current={filter} />
      {!parsed.success && <p className="mb-4 text-sm text-amber-700">Some filters were not understood and were ignored.</p>}
      <QueueList initial={items} filter={filter} />
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { isAppError } from "@/lib/errors";
import { getReview } from "@/lib/reviews/get-review";
import { ReviewEditor } from "./_components/review-editor";

export async function generateMetadata({ params }: PageProps<"/incidents/[key]/review">): Promise<Metadata> {
  return { title: `Review ${(await params).key}` };
}

export default async function ReviewPage({ params, searchParams }: PageProps<"/incidents/[key]/review">) {
  const ctx = await requirePageCtx("drafts.read");
  const { key } = await params;
  const kind = (await searchParams).kind === "status_update" ? "status_update" : "report";
  const review = await getReview(ctx, { key, kind }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <ReviewEditor initial={review} kind={kind} />;
}

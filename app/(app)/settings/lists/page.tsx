import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listDistributionLists } from "@/lib/distribution/list-distribution-lists";
import { ListForm } from "./_components/list-form";

export const metadata: Metadata = { title: "Distribution lists" };

export default async function ListsPage() {
  const ctx = await requirePageCtx("lists.manage");
  const lists = await listDistributionLists(ctx);
  return (
    <>
      <PageHeader
        title="Distribution lists"
        description="Who gets an approved report or update: every list whose rules match the incident's severity, category and tags. The review page shows the exact addresses before anything is approved."
      />
      <div className="space-y-4">
        {lists.map((list) => (
          <ListForm key={`${list.id}:${list.updatedAt.toISOString()}`} list={list} />
        ))}
        <ListForm key={`new:${lists.length}`} />
      </div>
    </>
  );
}

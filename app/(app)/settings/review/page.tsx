import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { SeverityBadge } from "@/components/ui/badges";
import { requirePageCtx } from "@/lib/auth/require-page-ctx";
import { listReviewPolicies } from "@/lib/reviews/list-review-policies";
import { TwoPersonToggle } from "./_components/two-person-toggle";

export const metadata: Metadata = { title: "Review rules" };

export default async function ReviewSettingsPage() {
  const ctx = await requirePageCtx("review.configure");
  const policies = await listReviewPolicies(ctx);
  return (
    <>
      <PageHeader
        title="Review rules"
        description="The two-person rule: for these severities, whoever made the last edit to a draft cannot approve it; a second commander must. Approval always needs a COMMANDER or ADMIN."
      />
      <Table headers={["Severity", "Two-person rule"]}>
        {policies.map((policy) => (
          <tr key={policy.severity}>
            <Td>
              <SeverityBadge severity={policy.severity} />
            </Td>
            <Td>
              <TwoPersonToggle severity={policy.severity} enabled={policy.twoPersonRule} />
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}

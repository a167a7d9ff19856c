import { z } from "zod";

/** The reason a reviewer gives when they reject a draft or ask for changes. */
export const reviewDecisionSchema = z.object({
  revisionId: z.string().min(1),
  version: z.number({ error: "The revision version you reviewed is required." }).int().min(1),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters) so the editors know what to change.").max(2000, "Keep the reason under 2,000 characters."),
});

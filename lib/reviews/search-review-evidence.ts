import { z } from "zod";
import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseIncidentKey } from "@/lib/incidents/incident-key";
import { loadReviewEvidence } from "@/lib/reviews/load-review-evidence";

export const searchReviewEvidenceSchema = z.object({
  key: z.string().min(1).max(40),
  query: z.string().trim().min(1, "Type an evidence number or some of its words.").max(200),
});

/**
 * The review page's "cite" box on an incident too large to ship whole: evidence by its number
 * ("12" or "[12]") or by words in its text, numbered as the page numbers it.
 */
export async function searchReviewEvidence(ctx: Ctx, input: z.input<typeof searchReviewEvidenceSchema>) {
  assertCan(ctx.actor, "evidence.read");
  const { key, query } = searchReviewEvidenceSchema.parse(input);
  const number = parseIncidentKey(key);
  const incident = number === null ? null : await ctx.db.incident.findUnique({ where: { number }, select: { id: true } });
  if (!incident) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  const n = /^\[?(\d{1,9})\]?$/.exec(query)?.[1];
  const { evidence } = await loadReviewEvidence(ctx.db, incident.id, new Set(), n ? { n: Number(n) } : { query, limit: 30 });
  return { evidence };
}

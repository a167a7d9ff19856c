import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";

/** The tags already in use, most used first: the suggestions offered while tagging an incident. */
export async function listTagSuggestions(ctx: Ctx, input: { limit?: number } = {}): Promise<string[]> {
  assertCan(ctx.actor, "incidents.read");
  const rows = await ctx.db.$queryRaw<{ tag: string }[]>`
    SELECT t.tag FROM "Incident" i, unnest(i."tags") AS t(tag)
    GROUP BY t.tag ORDER BY count(*) DESC, t.tag ASC LIMIT ${Math.min(input.limit ?? 50, 200)}`;
  return rows.map((r) => r.tag);
}

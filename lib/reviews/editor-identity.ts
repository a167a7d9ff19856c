import type { Actor } from "@/lib/authz";
import type { DbTx } from "@/lib/db";

/**
 * Who made an edit, for the two-person rule: a person, or an API token (and the person who
 * created it). A token's edit counts as its creator's, and an edit by a token nobody owns counts
 * as no one's, so it cannot be used to approve one's own words.
 */
export async function editorFields(tx: DbTx, actor: Actor): Promise<{ lastEditedById?: string | null; lastEditedByTokenId?: string | null }> {
  if (actor.type === "user") return { lastEditedById: actor.id, lastEditedByTokenId: null };
  if (actor.type === "token") {
    const token = await tx.apiToken.findUnique({ where: { id: actor.id }, select: { createdById: true } });
    return { lastEditedById: token?.createdById ?? null, lastEditedByTokenId: actor.id };
  }
  return {};
}

/** Under the two-person rule, the approver may not be the last editor, nor approve an edit made by a token no one owns. */
export function breaksTwoPersonRule(revision: { lastEditedById: string | null; lastEditedByTokenId: string | null }, approverId: string): boolean {
  return revision.lastEditedById === approverId || (revision.lastEditedByTokenId !== null && revision.lastEditedById === null);
}

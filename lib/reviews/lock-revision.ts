import type { DbTx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type RevisionState = "draft" | "in_review" | "approved" | "sent" | "rejected" | "superseded";

/**
 * Locks a revision row for the rest of the transaction and reads it, so a decision (save,
 * approve, reject) and the state it was made on cannot be interleaved with another one.
 */
export async function lockRevision(tx: DbTx, revisionId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ReportRevision" WHERE "id" = ${revisionId} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "That draft does not exist.");
  const revision = await tx.reportRevision.findUniqueOrThrow({ where: { id: revisionId }, include: { incident: { select: { id: true, number: true, severity: true, mergedIntoId: true } } } });
  if (revision.incident.mergedIntoId) throw new AppError("CONFLICT", "This incident was merged into another; review the draft there.");
  return revision;
}

/** Throws unless the revision is in one of the states the action may start from. */
export function assertState(revision: { state: string; number: number }, allowed: readonly RevisionState[], doing: string): void {
  if (!(allowed as readonly string[]).includes(revision.state)) {
    const hint = revision.state === "sent" ? "it has been sent; a later revision carries further changes" : revision.state === "rejected" ? "it was rejected; the next draft replaces it" : revision.state === "superseded" ? "an agent proposed a newer revision on top of it; review that one" : `it is ${revision.state.replace("_", " ")}`;
    throw new AppError("CONFLICT", `Revision ${revision.number} cannot be ${doing}: ${hint}.`);
  }
}

/** The version check every decision carries: acting on content you have not seen is refused. */
export function assertVersion(revision: { version: number }, version: number, doing: string): void {
  if (revision.version !== version) {
    throw new AppError("CONFLICT", `The draft changed after you loaded it (version ${version}, now ${revision.version}); look at the latest text before you ${doing}.`, { currentVersion: revision.version });
  }
}

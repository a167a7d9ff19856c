import type { DbTx } from "@/lib/db";
import { citationsIn, sectionSchemaFor } from "@/lib/drafting/section-schemas";
import { AppError } from "@/lib/errors";

/**
 * A section's content as anyone may save it, a person's edit and an agent's proposal alike: its
 * shape, citations that are this incident's evidence only, and action-item owners who can act on
 * them (active, and not a VIEWER or AUDITOR). Returns the parsed content; `field` prefixes the
 * path a refusal names.
 */
export async function checkSectionContent(
  tx: DbTx,
  input: { kind: "report" | "status_update"; incidentId: string; incidentKey: string; name: string; content: unknown; field?: string },
): Promise<unknown> {
  const { kind, name } = input;
  const at = (...path: PropertyKey[]) => [...(input.field ? [input.field] : []), name, ...path].join(".");
  const schema = sectionSchemaFor(kind, name);
  if (!schema) throw new AppError("UNPROCESSABLE", `A ${kind.replace("_", " ")} has no section "${name}".`, { field: input.field ? at() : "section" });
  const parsed = schema.safeParse(input.content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("UNPROCESSABLE", issue?.message ?? "This section is not valid.", { field: at(...(issue?.path ?? [])), issues: parsed.error.issues.slice(0, 20) });
  }
  const cited = [...new Set(citationsIn(parsed.data))];
  const known = new Set((await tx.timelineEntry.findMany({ where: { incidentId: input.incidentId, id: { in: cited } }, select: { id: true } })).map((e) => e.id));
  const foreign = cited.filter((id) => !known.has(id));
  if (foreign.length > 0) throw new AppError("UNPROCESSABLE", `Citations must be ${input.incidentKey}'s evidence; not found on it: ${foreign.slice(0, 10).join(", ")}.`, { field: at(), citations: foreign.slice(0, 50) });
  const ownerIds = name === "actionItems" ? [...new Set(((parsed.data as { items: { ownerId?: string | null }[] }).items ?? []).map((i) => i.ownerId).filter((id): id is string => Boolean(id)))] : [];
  if (ownerIds.length > 0 && (await tx.user.count({ where: { id: { in: ownerIds }, disabledAt: null, role: { notIn: ["VIEWER", "AUDITOR"] } } })) !== ownerIds.length) {
    throw new AppError("UNPROCESSABLE", "An action item's owner must be an active Sitrep user who is not a VIEWER or AUDITOR.", { field: at("items") });
  }
  return parsed.data;
}

import { assertCan } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { formatIncidentKey, parseIncidentKey } from "@/lib/incidents/incident-key";
import { loadApprovedContent } from "@/lib/stakeholder/load-approved-content";

/** An incident as every signed-in role may read it: approved and sent content only. */
export async function getStakeholderView(ctx: Ctx, input: { key: string }) {
  assertCan(ctx.actor, "incidents.read");
  const number = parseIncidentKey(input.key);
  const incident = number === null ? null : await ctx.db.incident.findUnique({ where: { number }, select: { id: true } });
  if (!incident) throw new AppError("NOT_FOUND", `No incident ${input.key}.`);
  const view = await ctx.db.$transaction((tx) => loadApprovedContent(tx, incident.id, `/incidents/${formatIncidentKey(number!)}`), { isolationLevel: "RepeatableRead" });
  if (!view) throw new AppError("NOT_FOUND", `No incident ${input.key}.`);
  return view;
}

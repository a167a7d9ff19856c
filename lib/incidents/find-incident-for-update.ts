import type { DbTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseIncidentKey } from "@/lib/incidents/incident-key";

/** Loads an incident by key inside a transaction and locks its row against concurrent changes. */
export async function findIncidentForUpdate(tx: DbTx, key: string) {
  const number = parseIncidentKey(key);
  if (number === null) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Incident" WHERE "number" = ${number} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", `No incident ${key}.`);
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: rows[0].id } });
  if (incident.mergedIntoId) {
    const target = await tx.incident.findUniqueOrThrow({ where: { id: incident.mergedIntoId }, select: { number: true } });
    throw new AppError("CONFLICT", `${key} was merged into INC-${target.number}; add evidence there.`);
  }
  return incident;
}

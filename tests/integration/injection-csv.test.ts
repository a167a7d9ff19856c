import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/authz";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { saveDistributionList } from "@/lib/distribution/save-distribution-list";
import { computeInsights } from "@/lib/insights/compute-insights";
import { insightsCsv } from "@/lib/insights/insights-csv";
import { createUser } from "@/lib/users/create-user";
import { FORMULA_PAYLOADS, SCRIPT_PAYLOADS } from "../fixtures/injection/payloads";
import { createActorCtx } from "../helpers/actors";
import { createMigratedDatabase } from "../helpers/migrated-database";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
});
afterAll(() => drop());

/** What a spreadsheet would run: a cell starting with = + - @ (or a tab or CR before one), unless it is a plain number. */
const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

function cellsOf(csv: string): string[][] {
  return parse(csv, { relax_column_count: false }) as string[][];
}

describe("hostile text in CSV exports", () => {
  it("insights: services and tags that look like formulas are exported as text", async () => {
    const commander = await createActorCtx(db, "COMMANDER");
    const now = new Date();
    const services = FORMULA_PAYLOADS.map((p) => p.toLowerCase());
    await db.incident.create({
      data: { title: `Formula incident ${SCRIPT_PAYLOADS[0]}`, severity: "SEV2", category: "outage", status: "resolved", services, tags: ["=cmd|'/c calc'!a0", "+1+1"], startedAt: new Date(now.getTime() - 3_600_000), detectedAt: new Date(now.getTime() - 3_500_000), resolvedAt: new Date(now.getTime() - 600_000) },
    });
    for (const [groupBy, expected] of [["service", services], ["tag", ["=cmd|'/c calc'!a0", "+1+1"]]] as const) {
      const rows = cellsOf(insightsCsv(await computeInsights(commander, { period: "7", groupBy }, now)));
      const keys = rows.filter((r) => r[0] === groupBy).map((r) => r[1]!);
      // Each hostile key is there, once, defused with a leading apostrophe and otherwise unchanged.
      for (const value of expected) expect(keys, value).toContain(`'${value}`);
      for (const row of rows) for (const cell of row) expect(isFormula(cell), `${groupBy}: ${JSON.stringify(cell)}`).toBe(false);
    }
  });

  it("audit log: an actor, a list name and a change whose text starts like a formula stay text", async () => {
    const admin = await createActorCtx(db, "ADMIN");
    // "+" and "-" are valid at the start of an e-mail's local part, and the e-mail is the actor's label.
    const hostile = await createUser({ db, actor: SYSTEM_ACTOR }, { email: "+1+cmd@evil.example", name: FORMULA_PAYLOADS[0], role: "ADMIN", password: "correct-horse-battery" });
    const actor: Ctx = { db, actor: { type: "user", id: hostile.id, label: "+1+cmd@evil.example", role: "ADMIN" }, requestId: "-2+3+cmd" };
    await saveDistributionList(actor, { name: FORMULA_PAYLOADS[0], recipients: "-ops@example.com, +oncall@example.com", tags: "@sum" });
    await saveDistributionList(admin, { name: "@SUM(1+1)*cmd|' /C calc'!A0", recipients: "ops@example.com" });

    let csv = "";
    for await (const chunk of exportAuditEvents(admin, { format: "csv", filter: {} })) csv += chunk;
    const rows = cellsOf(csv);
    const header = rows[0]!;
    const column = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)]!);
    expect(column("actor_label")).toContain("'+1+cmd@evil.example");
    expect(column("request_id")).toContain("'-2+3+cmd");
    // JSON columns hold the values inside an object, never at the start of a cell.
    expect(column("after").some((cell) => cell.includes("HYPERLINK") && cell.startsWith("{"))).toBe(true);
    for (const row of rows) for (const cell of row) expect(isFormula(cell), JSON.stringify(cell)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkScenario, useMutationDb } from "../helpers/mutation-fixtures";
import type { Entry } from "../helpers/mutation-fixtures";
import { ACCESS_AND_MACHINE_MUTATIONS } from "../helpers/mutation-table-access";
import { INCIDENT_AND_REVIEW_MUTATIONS } from "../helpers/mutation-table-incidents";
import { walkEntryPoints } from "../helpers/mutation-walk";
import { createSendingLists } from "../helpers/approved-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";

/**
 * The issue: every mutation produces exactly one audit event. The walk below finds every lib
 * module an entry point can reach (server actions, mutating API routes, scripts/: the CLI and
 * `npm start`, which migrates and seeds); the table says
 * what each one is. A new module without a row fails here, so a new action cannot skip its audit
 * scenario, and a row the walk no longer finds fails too, so the table stays true.
 */

// The share-link verbs sign their tokens with AUTH_SECRET.
process.env.AUTH_SECRET ??= "every-mutation-audited-test-secret-0123456789";

const TABLE: Record<string, Entry> = { ...INCIDENT_AND_REVIEW_MUTATIONS, ...ACCESS_AND_MACHINE_MUTATIONS };
let drop: () => Promise<void>;

const walked = walkEntryPoints();

beforeAll(async () => {
  const created = await createMigratedDatabase();
  useMutationDb(created.db);
  drop = created.drop;
  await createSendingLists(created.db);
});
afterAll(() => drop());

describe("the walk of actions, mutating routes and scripts", () => {
  it("finds the entry points and the lib modules they import", () => {
    expect(walked.get("@/lib/incidents/classify-incident")).toContain("app/(app)/incidents/[key]/actions.ts");
    expect(walked.get("@/lib/deliveries/send-revision")).toContain("app/api/revisions/[id]/send/route.ts");
    expect(walked.get("@/lib/seed/seed-demo")).toEqual(["scripts/sitrep.ts", "scripts/start.ts"]);
    // GET-only routes are reads: their verbs stay out of the table.
    expect(walked.has("@/lib/audit/list-audit-events")).toBe(false);
  });

  it("has a table row for every module it finds", () => {
    const missing = [...walked].filter(([lib]) => !Object.hasOwn(TABLE, lib)).map(([lib, by]) => `${lib} (imported by ${by.join(", ")})`);
    expect(missing, `Not in TABLE; add an audit scenario, or say why it is not a mutation:\n  ${missing.join("\n  ")}`).toEqual([]);
  });

  it("has no row for a module it no longer finds", () => {
    const stale = Object.keys(TABLE).filter((lib) => !walked.has(lib));
    expect(stale, `In TABLE but imported by no action, mutating route or script; remove or fix:\n  ${stale.join("\n  ")}`).toEqual([]);
  });
});

describe("every mutation writes exactly one audit event", () => {
  for (const [lib, entry] of Object.entries(TABLE)) {
    const cases = "cases" in entry ? Object.entries(entry.cases) : "mutation" in entry ? [["", entry] as const] : [];
    for (const [name, scenario] of cases) {
      it(`${lib}${name && `: ${name}`}`, () => checkScenario(scenario), 120_000);
    }
  }
});


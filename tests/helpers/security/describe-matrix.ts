import { beforeAll, describe, expect, it } from "vitest";
import { ACCESS, expectedOutcome } from "./access-table";
import { exercise } from "./exercise";
import { setUpInProcessApp } from "./in-process-app";
import { createMatrixWorld, renewSession, type MatrixWorld } from "./matrix-world";
import { listEntryPoints, type EntryPoint } from "./route-list";

/**
 * One kind of entry point, each called in-process against a real database as every principal
 * (five signed-in roles, three API tokens, a share link, no one), and the outcome compared with
 * what its row in the access table and lib/authz.ts PERMISSIONS say. A test per entry point
 * lists every principal it got wrong. The calling file swaps next/headers and next/cache
 * (see in-process-app.ts).
 */
export function describeAuthorizationMatrix(kind: EntryPoint["kind"], title: string): void {
  const app = setUpInProcessApp();
  let world: MatrixWorld;
  beforeAll(async () => {
    world = await createMatrixWorld(app.db());
  }, 120_000);

  describe(`authorization matrix: ${title}`, () => {
    for (const entry of listEntryPoints().filter((e) => e.kind === kind)) {
      const rule = ACCESS[entry.id];
      // A missing row fails in authz-table.test.ts, by name.
      it.skipIf(!rule)(entry.id, async () => {
        const wrong: string[] = [];
        for (const principal of world.principals) {
          const expected = expectedOutcome(entry, rule!, principal);
          const actual = await exercise(entry, principal, world);
          if (actual !== expected) wrong.push(`${principal.name}: expected ${expected}, got ${actual}`);
          // Signing out ends the session it was called with; the next entry point gets a fresh one.
          if (principal.kind === "user" && entry.kind === "action" && entry.name === "signOutAction") await renewSession(app.db(), principal);
        }
        expect(wrong, wrong.join("\n")).toEqual([]);
      }, 120_000);
    }
  });
}

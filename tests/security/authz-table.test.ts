import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/authz";
import { ACCESS } from "../helpers/security/access-table";
import { listEntryPoints } from "../helpers/security/route-list";

/**
 * The authorization matrix is generated from the file system: every page, route handler method
 * and server action under app/ must have a row in ACCESS saying who may use it, and the
 * authz-*.test.ts files call each one as every principal. A new entry point without a row fails
 * here, by name, before anyone can forget to decide who may use it.
 */
const entries = listEntryPoints();

describe("the access table", () => {
  it("finds pages, route handlers by method and server actions", () => {
    const ids = entries.map((e) => e.id);
    expect(ids).toContain("page /incidents/[key]/review");
    expect(ids).toContain("PUT /api/revisions/[id]/sections/[section]");
    // `export const { GET, POST } = handlers` counts as two route handlers.
    expect(ids).toEqual(expect.arrayContaining(["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"]));
    expect(ids).toContain("action app/(app)/settings/tokens/actions.ts#createTokenAction");
    // The types and helpers beside the actions are not actions.
    expect(ids.some((id) => id.endsWith("#utcInput") || id.endsWith("#readForm"))).toBe(false);
  });

  it("has a row for every entry point", () => {
    const missing = entries.filter((e) => !Object.hasOwn(ACCESS, e.id)).map((e) => `${e.id} (${e.file})`);
    expect(missing, `No row in tests/helpers/security/access-table.ts; say who may use:\n  ${missing.join("\n  ")}`).toEqual([]);
  });

  it("has no row for an entry point that is gone", () => {
    const ids = new Set(entries.map((e) => e.id));
    const stale = Object.keys(ACCESS).filter((id) => !ids.has(id));
    expect(stale, `In ACCESS but not under app/; remove or rename:\n  ${stale.join("\n  ")}`).toEqual([]);
  });

  it("names only permissions that lib/authz.ts defines", () => {
    const unknown = Object.entries(ACCESS).filter(([, rule]) => "permission" in rule && !Object.hasOwn(PERMISSIONS, rule.permission));
    expect(unknown.map(([id]) => id)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { assertCan, can, PERMISSIONS } from "./authz";

describe("permissions", () => {
  it("lets only commanders and admins approve and send", () => {
    for (const permission of ["incidents.approve", "incidents.send"] as const) {
      expect(PERMISSIONS[permission]).toEqual(["ADMIN", "COMMANDER"]);
    }
  });

  it("keeps drafts and evidence away from VIEWERs", () => {
    expect(can("VIEWER", "incidents.read")).toBe(true);
    for (const permission of ["drafts.read", "drafts.edit", "evidence.read", "outbox.read", "audit.read", "users.manage"] as const) {
      expect(can("VIEWER", permission)).toBe(false);
    }
  });

  it("reserves settings to ADMIN", () => {
    for (const permission of ["users.manage", "tokens.manage", "integrations.manage", "lists.manage", "review.configure"] as const) {
      expect(PERMISSIONS[permission]).toEqual(["ADMIN"]);
    }
    expect(PERMISSIONS["audit.read"]).toEqual(["ADMIN", "AUDITOR"]);
  });

  it("gives an AUDITOR reads only: the audit log, drafts, evidence, the outbox, never a change", () => {
    const readable = Object.entries(PERMISSIONS).filter(([, roles]) => (roles as readonly string[]).includes("AUDITOR")).map(([name]) => name);
    expect(readable.sort()).toEqual(["audit.read", "drafts.read", "evidence.read", "incidents.read", "insights.read", "outbox.read"]);
  });

  it("throws a 403 AppError naming the permission", () => {
    expect(() => assertCan({ type: "user", id: "u", label: "v@x", role: "RESPONDER" }, "incidents.approve")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", status: 403, message: expect.stringContaining("incidents.approve") }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/json/canonical-json";
import { GENESIS_HASH, hashAuditEvent, type AuditFields } from "./hash-audit-event";

const fields: AuditFields = {
  at: new Date("2026-11-29T10:00:00Z"),
  actorType: "user",
  actorId: "u1",
  actorLabel: "ic@example.com",
  action: "user.create",
  targetType: "User",
  targetId: "u2",
  incidentId: null,
  before: null,
  after: { role: "VIEWER", email: "v@example.com" },
  requestId: "r1",
};

describe("hashAuditEvent", () => {
  it("is stable regardless of key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    const reordered = { ...fields, after: { email: "v@example.com", role: "VIEWER" } };
    expect(hashAuditEvent(GENESIS_HASH, reordered)).toBe(hashAuditEvent(GENESIS_HASH, fields));
  });

  it("changes when any field or the previous hash changes", () => {
    const base = hashAuditEvent(GENESIS_HASH, fields);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEvent(GENESIS_HASH, { ...fields, action: "user.delete" })).not.toBe(base);
    expect(hashAuditEvent(GENESIS_HASH, { ...fields, after: { role: "ADMIN", email: "v@example.com" } })).not.toBe(base);
    expect(hashAuditEvent("f".repeat(64), fields)).not.toBe(base);
  });
});

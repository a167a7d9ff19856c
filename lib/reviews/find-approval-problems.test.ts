import { describe, expect, it } from "vitest";
import { REPORT_SECTION_SCHEMAS } from "@/lib/drafting/section-schemas";
import { findApprovalProblems } from "./find-approval-problems";

const stmt = (text: string) => ({ statements: [{ text, citations: ["e1"] }] });
const report = () => ({
  summary: stmt("Checkout failed."),
  timeline: { items: [{ at: "2026-11-29T09:14:00.000Z", kind: "trigger", text: "Alert fired", citations: ["e1"] }] },
  impact: { startedAt: "2026-11-29T09:14:00.000Z", endedAt: "2026-11-29T09:40:00.000Z", durationMinutes: 26, timeToAcknowledgeMinutes: 3, timeToResolveMinutes: 26, severity: "SEV2", services: ["checkout"], figures: [], statements: [] },
  rootCause: { status: "preliminary", candidates: [], statements: [{ text: "A bad deploy.", citations: ["e1"] }] },
  remediation: stmt("Rolled back."),
  actionItems: { items: [] },
});

describe("findApprovalProblems", () => {
  it("passes a complete report", () => {
    expect(findApprovalProblems("report", report())).toEqual({});
  });

  it("names every empty required section", () => {
    const sections = { ...report(), summary: { statements: [] }, remediation: { statements: [{ text: "   ", citations: [] }] }, timeline: { items: [{ ...report().timeline.items[0], hidden: true }] } };
    expect(Object.keys(findApprovalProblems("report", sections)).sort()).toEqual(["remediation", "summary", "timeline"]);
  });

  it("refuses impossible times and foreign citations", () => {
    const sections = { ...report(), impact: { ...report().impact, endedAt: "2026-11-29T09:00:00.000Z" } };
    expect(findApprovalProblems("report", sections).impact).toMatch(/before it started/);
    expect(findApprovalProblems("report", report(), { summary: ["gone"] }).summary).toMatch(/left this incident/);
  });

  it("checks a status update's own sections", () => {
    const update = { status: { value: "investigating", statements: [] }, currentImpact: stmt("Card payments fail."), latestDevelopment: stmt("Rolling back."), nextUpdateAt: null };
    expect(Object.keys(findApprovalProblems("status_update", update))).toEqual(["status"]);
  });
});

describe("section rules (the fields a person saves)", () => {
  it("refuses an oversized paste with a message that says the limit", () => {
    const result = REPORT_SECTION_SCHEMAS.summary.safeParse({ statements: [{ text: "x".repeat(5001), citations: [] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/5,000 characters/);
  });

  it("puts the impossible-time error on the end field", () => {
    const result = REPORT_SECTION_SCHEMAS.impact.safeParse({ ...report().impact, endedAt: "2026-11-29T08:00:00.000Z" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("endedAt");
  });

  it("takes an action item's owner, due date and status, and refuses a malformed date", () => {
    const item = { title: "Add a canary", owner: "Dana", ownerId: "u1", dueSuggestion: null, dueAt: "2026-12-10", status: "in_progress", citations: [] };
    expect(REPORT_SECTION_SCHEMAS.actionItems.safeParse({ items: [item] }).success).toBe(true);
    expect(REPORT_SECTION_SCHEMAS.actionItems.safeParse({ items: [{ ...item, dueAt: "next week" }] }).success).toBe(false);
  });
});

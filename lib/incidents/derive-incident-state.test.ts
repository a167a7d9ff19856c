import { describe, expect, it } from "vitest";
import { deriveIncidentState, type LifecycleEntry } from "./derive-incident-state";

const t = (hhmm: string) => new Date(`2026-11-29T${hhmm}:00Z`);
const base = { status: "triggered" as const, startedAt: t("09:31"), detectedAt: null, acknowledgedAt: null, resolvedAt: null, severity: "SEV3" as const };
const m = (at: string, kind: string, extra: Partial<LifecycleEntry> = {}): LifecycleEntry => ({ at: t(at), kind, authorType: "machine", alertKey: "a", ...extra });

describe("deriveIncidentState", () => {
  it("ends resolved with the right times when the resolve arrived before its trigger", () => {
    const resolveFirst = [m("09:31", "resolve"), m("09:08", "trigger", { severity: "SEV2" }), m("09:11", "acknowledge")];
    expect(deriveIncidentState(resolveFirst, base)).toEqual({
      status: "resolved",
      startedAt: t("09:08"),
      detectedAt: t("09:08"),
      acknowledgedAt: t("09:11"),
      resolvedAt: t("09:31"),
      severity: "SEV2",
    });
    // Same facts in any order, same answer.
    expect(deriveIncidentState([...resolveFirst].reverse(), base)).toEqual(deriveIncidentState(resolveFirst, base));
  });

  it("starts when a resolved alert began, even if only its resolve was ever delivered", () => {
    const onlyResolve = [m("10:30", "resolve", { startsAt: t("09:00") })];
    expect(deriveIncidentState(onlyResolve, base)).toMatchObject({ status: "resolved", startedAt: t("09:00"), resolvedAt: t("10:30") });
  });

  it("stays open until every alert on the incident is resolved", () => {
    const entries = [m("09:08", "trigger"), m("09:09", "trigger", { alertKey: "b" }), m("09:20", "resolve")];
    expect(deriveIncidentState(entries, base)).toMatchObject({ status: "triggered", resolvedAt: null });
    expect(deriveIncidentState([...entries, m("09:25", "resolve", { alertKey: "b" })], base)).toMatchObject({ status: "resolved", resolvedAt: t("09:25") });
  });

  it("reopens when an alert fires again after its resolve", () => {
    const entries = [m("09:08", "trigger"), m("09:11", "acknowledge"), m("09:20", "resolve"), m("09:40", "trigger")];
    expect(deriveIncidentState(entries, base)).toMatchObject({ status: "investigating", resolvedAt: null, startedAt: t("09:08") });
  });

  it("lets a newer human status change win, and an older one lose to a later alert", () => {
    const human: LifecycleEntry = { at: t("09:15"), kind: "status_change", authorType: "human", status: "monitoring" };
    expect(deriveIncidentState([m("09:08", "trigger"), human], base).status).toBe("monitoring");
    expect(deriveIncidentState([m("09:08", "trigger"), human, m("09:20", "trigger", { alertKey: "b" })], base).status).toBe("triggered");
  });

  it("takes severity from the latest priority change, else the most severe trigger", () => {
    const entries = [m("09:08", "trigger", { severity: "SEV3" }), m("09:09", "trigger", { alertKey: "b", severity: "SEV1" })];
    expect(deriveIncidentState(entries, base).severity).toBe("SEV1");
    expect(deriveIncidentState([...entries, m("09:30", "priority_change", { severity: "SEV2" })], base).severity).toBe("SEV2");
  });

  it("keeps a human-made incident as it is when no alert ever touched it", () => {
    const manual = { ...base, status: "identified" as const };
    expect(deriveIncidentState([{ at: t("09:40"), kind: "note", authorType: "human" }], manual)).toEqual(manual);
  });
});

import { describe, expect, it } from "vitest";
import { findNulField, findUnstorableEvent } from "./find-unstorable-value";
import type { ParsedAlertEvent } from "./types";

const event = (iso: string): ParsedAlertEvent => ({
  kind: "trigger",
  occurredAt: new Date(iso),
  externalKeys: ["k"],
  dedupeKey: "d",
  title: null,
  services: [],
  priority: null,
  text: "x",
  url: null,
  actor: null,
  data: {},
});

describe("findUnstorableEvent", () => {
  it("names the field holding a NUL", () => {
    expect(findNulField({ event: { data: { title: "a\u0000b" } } })).toBe("event.data.title");
    expect(findNulField({ alerts: [{ labels: { x: "ok" } }, { labels: { y: "\u0000" } }] })).toBe("alerts.1.labels.y");
    expect(findNulField({ fine: ["yes", 1, null] })).toBeNull();
  });

  it("refuses impossible event times", () => {
    expect(findUnstorableEvent({}, [event("2026-11-29T09:00:00Z")])).toBeNull();
    expect(findUnstorableEvent({}, [event("0000-01-01T00:00:00Z")])).toMatchObject({ field: "occurredAt" });
    expect(findUnstorableEvent({}, [event("not a date")])).toMatchObject({ message: expect.stringContaining("invalid") });
  });
});

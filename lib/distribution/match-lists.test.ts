import { describe, expect, it } from "vitest";
import { matchesList, resolveRecipients } from "./match-lists";

const incident = { severity: "SEV2", category: "outage", tags: ["payments", "customer-facing"] };

describe("distribution list rules", () => {
  it("matches on severity, category and any shared tag; an empty rule matches anything", () => {
    expect(matchesList({ severities: ["SEV1", "SEV2"], categories: ["outage"], tags: [] }, incident)).toBe(true);
    expect(matchesList({ severities: [], categories: [], tags: [] }, incident)).toBe(true);
    expect(matchesList({ severities: ["SEV1"], categories: [], tags: [] }, incident)).toBe(false);
    expect(matchesList({ severities: [], categories: ["security"], tags: [] }, incident)).toBe(false);
    expect(matchesList({ severities: [], categories: [], tags: ["search", "payments"] }, incident)).toBe(true);
    expect(matchesList({ severities: [], categories: [], tags: ["search"] }, incident)).toBe(false);
  });

  it("sends each address once, to the first list that names it", () => {
    const lists = [
      { id: "a", name: "Executives", recipients: ["cto@x.test", "ceo@x.test"], severities: ["SEV1", "SEV2"], categories: [], tags: [] },
      { id: "b", name: "Support", recipients: ["CTO@x.test", "support@x.test"], severities: [], categories: ["outage"], tags: [] },
      { id: "c", name: "Search team", recipients: ["search@x.test"], severities: [], categories: [], tags: ["search"] },
    ];
    expect(resolveRecipients(lists, incident).map((l) => [l.name, l.recipients])).toEqual([
      ["Executives", ["cto@x.test", "ceo@x.test"]],
      ["Support", ["support@x.test"]],
    ]);
  });

  it("adds the incident's extra addresses and leaves out its exclusions, wherever they were listed", () => {
    const lists = [{ id: "a", name: "Executives", recipients: ["cto@x.test", "ceo@x.test"], severities: [], categories: [], tags: [] }];
    expect(resolveRecipients(lists, incident, { extra: ["partner@y.test", "CEO@x.test"], excluded: ["ceo@x.test"] }).map((l) => [l.name, l.recipients])).toEqual([
      ["Executives", ["cto@x.test"]],
      ["Added for this incident", ["partner@y.test"]],
    ]);
  });
});

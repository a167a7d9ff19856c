import { describe, expect, it } from "vitest";
import { draftReport } from "@/lib/drafting/draft-report";
import type { DraftInput } from "@/lib/drafting/types";
import { scenario as badDeploy } from "./01-bad-deploy";
import { scenario as certificate } from "./03-expired-tls-certificate";
import { scenario as stuffing } from "./07-credential-stuffing";
import type { Scenario } from "./scenario";

/**
 * The same incidents with responders' words changed (written after the drafter's rules, by the
 * reviewer who found the first rules leaned on the suite's exact phrasing). A drafter that reads
 * meaning rather than phrases ranks the same cause first.
 */
function reword(scenario: Scenario, edits: [RegExp, string][], extra: { at: string; author: string; text: string }[] = []): DraftInput {
  const evidence = scenario.input.evidence.map((e) => ({ ...e, text: edits.reduce((text, [from, to]) => text.replace(from, to), e.text) }));
  const chats = extra.map((c, i) => ({
    id: `reworded-${i}`,
    at: new Date(c.at),
    kind: "chat_message" as const,
    text: c.text,
    source: "Slack #inc",
    authorType: "human" as const,
    authorName: null,
    data: { author: c.author },
  }));
  return { ...scenario.input, evidence: [...evidence, ...chats] };
}

const top = (input: DraftInput) => draftReport(input).rootCause.candidates[0]?.title.toLowerCase() ?? "";

describe("root causes survive rewording", () => {
  it("01: a responder saying 'only the payments-service pods are throwing' or 'no idea yet' does not clear the deploy", () => {
    const day = badDeploy.input.incident.startedAt.toISOString().slice(0, 10);
    const input = reword(badDeploy, [], [
      { at: `${day}T14:08:50Z`, author: "kofi", text: "only the payments-service pods are throwing" },
      { at: `${day}T14:11:30Z`, author: "kofi", text: "no idea yet why payments-service started this" },
    ]);
    expect(top(input)).toContain("payments-service");
    expect(top(input)).toContain("v4.12.0");
  });

  it("03: 'handshakes keep failing like before. it wasn't the release' still counts against the deploy", () => {
    const input = reword(certificate, [[/still failing with the exact same x509 error\. not the deploy/, "handshakes keep failing like before. it wasn't the release"]]);
    expect(top(input)).toContain("certificate");
  });

  it("07: 'isn't in the path of' rules the profile-service deploy out as well as 'doesn't serve'", () => {
    const input = reword(stuffing, [[/doesn't serve \/api\/login/, "isn't in the path of /api/login"]]);
    expect(top(input)).toContain("credential stuffing");
  });
});

import { describe, expect, it } from "vitest";
import type { DraftEvidence, DraftInput, DraftSections } from "@/lib/drafting/types";
import { checkLlmOutput, listRewritableStatements, type RewrittenStatement } from "./check-llm-output";

const evidence = (id: string, at: string, kind: DraftEvidence["kind"], text: string, data: DraftEvidence["data"] = null): DraftEvidence => ({
  id,
  at: new Date(at),
  kind,
  text,
  source: kind === "chat_message" ? "Slack #inc-checkout" : "PagerDuty",
  authorType: kind === "chat_message" ? "human" : "machine",
  authorName: kind === "chat_message" ? "Dana" : null,
  data,
});

const input: DraftInput = {
  incident: {
    key: "INC-7",
    title: "Checkout API returning 502s",
    severity: "SEV2",
    category: "outage",
    status: "resolved",
    services: ["checkout-api"],
    startedAt: new Date("2024-05-14T09:14:03Z"),
    detectedAt: new Date("2024-05-14T09:14:03Z"),
    acknowledgedAt: new Date("2024-05-14T09:17:40Z"),
    resolvedAt: new Date("2024-05-14T10:26:00Z"),
  },
  evidence: [
    evidence("ev-change-91", "2024-05-14T09:02:10Z", "change", "Deployed checkout-api v2.31.0", { service: "checkout-api", url: "https://ci.example/42" }),
    evidence("ev-trigger", "2024-05-14T09:14:03Z", "trigger", "Checkout API 5xx ratio above 5%"),
    evidence("ev-metric", "2024-05-14T09:00:00Z", "metric_sample", "http_5xx_ratio", {
      series: "http_5xx_ratio",
      points: [["2024-05-14T09:00:00Z", 0.001], ["2024-05-14T09:21:00Z", 0.1253]],
      min: 0.001,
      max: 0.1253,
      peakAt: "2024-05-14T09:21:00Z",
    }),
    evidence("ev-chat", "2024-05-14T09:20:31Z", "chat_message", "Rolling back checkout-api to v2.30.4 now"),
    evidence("ev-resolve", "2024-05-14T10:26:00Z", "resolve", "Resolved"),
  ],
  now: new Date("2024-05-14T12:00:00Z"),
};

const draft: DraftSections = {
  summary: { statements: [{ text: "A SEV2 outage of checkout-api lasted 72 minutes, from 09:14 to 10:26 UTC.", citations: ["ev-trigger", "ev-resolve"] }] },
  timeline: { items: [{ at: "2024-05-14T09:14:03Z", kind: "trigger", text: "Checkout API 5xx ratio above 5%", citations: ["ev-trigger"] }] },
  impact: {
    startedAt: "2024-05-14T09:14:03Z",
    endedAt: "2024-05-14T10:26:00Z",
    durationMinutes: 72,
    timeToAcknowledgeMinutes: 3,
    timeToResolveMinutes: 72,
    severity: "SEV2",
    services: ["checkout-api"],
    figures: [],
    statements: [
      { text: "The 5xx ratio peaked at 0.1253 at 09:21 UTC.", citations: ["ev-metric"] },
      { text: "No customer reports were found.", citations: [] },
    ],
  },
  rootCause: {
    status: "preliminary",
    candidates: [
      {
        title: "Deploy of checkout-api v2.31.0",
        score: 0.68,
        evidenceFor: [{ text: "The deploy at 09:02 came 12 minutes before the alert.", citations: ["ev-change-91", "ev-trigger"] }],
        evidenceAgainst: [],
      },
    ],
    statements: [{ text: "Preliminary: the deploy of checkout-api v2.31.0 is the leading candidate.", citations: ["ev-change-91"] }],
  },
  remediation: { statements: [{ text: "Rolled back to v2.30.4 at 09:20 UTC.", citations: ["ev-chat"] }] },
  actionItems: { items: [] },
};

const rewrite = (ref: string, text: string, citations?: string[]): RewrittenStatement => ({
  ref,
  text,
  citations: citations ?? listRewritableStatements(draft).find((s) => s.ref === ref)!.target.citations,
});

const check = (...rewritten: RewrittenStatement[]) => checkLlmOutput(input, draft, rewritten);
const rejects = (pattern: RegExp, ...rewritten: RewrittenStatement[]) => {
  const result = check(...rewritten);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.reason).toMatch(pattern);
};

describe("listRewritableStatements", () => {
  it("keys every prose statement by a stable ref", () => {
    expect(listRewritableStatements(draft).map((s) => s.ref)).toEqual([
      "summary.0",
      "timeline.0",
      "impact.0",
      "impact.1",
      "rootCause.0",
      "rootCause.candidates.0.for.0",
      "remediation.0",
    ]);
  });
});

describe("checkLlmOutput accepts", () => {
  it("faithful rewrites, with numbers restated the way people write them", () => {
    expect(
      check(
        rewrite("summary.0", "Checkout-api was down for 1 hour 12 minutes (9:14 AM to 10:26 AM UTC on 2024-05-14), a SEV2 outage."),
        rewrite("impact.0", "At its 09:21 peak, 12.5% of checkout requests failed with a 5xx error."),
        rewrite("impact.1", "No customer reports were found."),
        rewrite("rootCause.0", "The evidence suggests the v2.31.0 deploy, 12 minutes before the alert; this is not yet confirmed."),
        rewrite("rootCause.candidates.0.for.0", "Deployed at 09:02:10, shortly before the 5xx alert.", ["ev-change-91"]),
        rewrite("remediation.0", "The team rolled back to v2.30.4 at 9:20."),
      ),
    ).toEqual({ ok: true });
  });

  it("hedged mentions of the root cause and a partial rewrite", () => {
    expect(check(rewrite("rootCause.0", "The root cause is still unknown; the deploy is only a preliminary candidate."))).toEqual({ ok: true });
    expect(check()).toEqual({ ok: true });
  });

  it("'confirmed' outside root-cause prose when the sentence is not about the cause", () => {
    expect(check(rewrite("remediation.0", "Dana confirmed the rollback to v2.30.4 at 09:20 UTC."))).toEqual({ ok: true });
  });
});

describe("checkLlmOutput rejects", () => {
  it("a citation to evidence of another incident", () => {
    rejects(/remediation\.0: citation "ev-other-incident" is not evidence/, rewrite("remediation.0", "Rolled back at 09:20 UTC.", ["ev-chat", "ev-other-incident"]));
  });

  it("a statement that lost all its citations", () => {
    rejects(/summary\.0: lost all its citations/, rewrite("summary.0", "A 72-minute SEV2 outage of checkout-api.", []));
  });

  it("a ref the draft does not have, and the same ref twice", () => {
    rejects(/"summary\.5" does not exist/, rewrite("summary.0", "Fine."), { ref: "summary.5", text: "Extra.", citations: ["ev-trigger"] });
    rejects(/rewritten twice/, rewrite("summary.0", "Fine."), rewrite("summary.0", "Again."));
  });

  it("an empty text", () => {
    rejects(/empty/, rewrite("impact.0", "   "));
  });

  it.each([
    ["an invented duration", "summary.0", "The outage lasted 47 minutes.", "47"],
    ["an invented time", "remediation.0", "Rolled back to v2.30.4 at 09:25 UTC.", "09:25"],
    ["an invented date", "summary.0", "The outage on 2024-05-15 lasted 72 minutes.", "2024-05-15"],
    ["an invented count", "impact.1", "About 1,200 customers could not pay.", "1,200"],
    ["a rounded integer that appears nowhere", "impact.0", "The 5xx ratio peaked near 13 at 09:21.", "13"],
    ["the ranking score, which is not a fact", "rootCause.0", "The deploy scores 0.68 as a candidate.", "0.68"],
    ["digits of an evidence id", "rootCause.0", "Deploy 91 is the leading candidate.", "91"],
  ])("%s", (_name, ref, text, number) => {
    rejects(new RegExp(`${ref.replace(".", "\\.")}: number "${number}" appears in neither`), rewrite(ref, text));
  });

  it.each([
    ["rootCause.0", "The root cause is the v2.31.0 deploy."],
    ["rootCause.0", "Confirmed: the v2.31.0 deploy broke checkout."],
    ["rootCause.0", "The v2.31.0 deploy definitively caused the outage."],
    ["rootCause.candidates.0.for.0", "The root cause was the deploy at 09:02."],
    ["summary.0", "A 72-minute outage; the deploy was confirmed as the cause."],
  ])("a confirmed root cause in %s: %s", (ref, text) => {
    rejects(/claims a confirmed root cause/, rewrite(ref, text));
  });
});

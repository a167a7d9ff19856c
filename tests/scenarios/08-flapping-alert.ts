import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s8", { channel: "Slack #inc-4188-search", uploader: "Kai Müller" });
const RULE = { key: "am-fingerprint:d31f9b27c6e04a85", name: "SearchApiLatencyHigh", service: "search-api", title: "search-api p99 latency above 250ms", priority: "warning" };
const PD = { key: "pd-incident:Q8FLP13", title: "[Alertmanager] SearchApiLatencyHigh search-api", priority: "P4", service: "search-api" };

// search-api p99 from 14:00, one point a minute: it has hovered around 250 ms all week.
const P99 = [
  236, 256, 242, 241, 241, 258, 260, 266, 237, 257, 238, 238, 245, 260, 246,
  263, 247, 255, 238, 248, 260, 255, 257, 247, 252, 256, 249, 265, 257, 260,
  258, 258, 244, 261, 255, 254, 243, 244, 244, 254, 236, 254, 252, 237, 259,
  263, 241, 256, 239, 246, 239, 257, 244, 244, 239, 251, 248, 257, 255, 263,
  244, 262, 261, 261, 264, 236,
];
const THRESHOLD = 250;
const RULE_FIXED_AT_MINUTE = 52; // the 14:52:30 rule change silences it; p99 itself does not change

// Changed six days earlier; uploaded by a responder because it explains the noise.
const tightened = s.change(
  "15:12:40",
  "alert-rules",
  "prometheus-rules PR #311 merged by zoe: SearchApiLatencyHigh threshold 400ms → 250ms, for: 5m → 0m",
  { source: "GitHub", by: "Zoe Martin", day: "2026-03-08" },
);
// A deploy on a neighbouring service 21 minutes before the first alert.
s.change("13:40:30", "search-indexer", 'search-indexer v1.9.0 deployed to production by ci-bot (run #9104): "Incremental reindex of synonyms".');

// With for: 0m every crossing of the threshold fires or resolves at the next evaluation, ~14 s past the minute.
for (let minute = 1; minute <= RULE_FIXED_AT_MINUTE; minute += 1) {
  const above = P99[minute]! > THRESHOLD;
  if (above === P99[minute - 1]! > THRESHOLD) continue;
  const clock = `14:${String(minute).padStart(2, "0")}:14.${String(100 + minute * 7).slice(-3)}`;
  s.alert(clock, "Alertmanager", { ...RULE, kind: above ? "trigger" : "resolve" });
}
s.alert("14:01:40", "PagerDuty", PD);
s.alert("14:09:25", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Kai Müller" });
s.status("14:09:50", "Kai Müller", "triggered", "investigating");
s.chat("14:10:12", "kai", "it's the search p99 alert again: fires, resolves a minute later, fires again. 5th time since 14:00");
const flat = s.chat("14:12:03", "zoe", "p99 is sitting at 240–265ms, same as all week. 5xx flat at 0.07%, no user complaints");
const thresholdChat = s.chat("14:14:18", "kai", "threshold went from 400ms to 250ms and for: 0m in PR #311 last Sunday — it's right on top of the normal p99, so it flaps");
s.chat("14:15:30", "zoe", "search-indexer 1.9.0 went out at 13:40, could that be it?");
s.chat("14:16:02", "kai", "indexer isn't on the query path, and yesterday's p99 graph looks identical");
s.chat("14:19:45", "zoe", `unrelated: suggestions show ${HTML_PROBE} for the query "xss test", rendered as text, just noting`);
s.status("14:24:00", "Kai Müller", "investigating", "identified");
const rootCauseNote = s.note(
  "14:30:05",
  "Kai Müller",
  "Caused by a mis-tuned alert threshold: SearchApiLatencyHigh fires at 250ms with for: 0m while normal p99 is ~250ms, so it flaps without user impact. Restoring 400ms / for: 10m.",
);
s.chat("14:41:30", "zoe", "PR #318 is up, need one approval");
s.change("14:52:30", "alert-rules", "prometheus-rules PR #318 merged by kai: SearchApiLatencyHigh threshold 250ms → 400ms, for: 0m → 10m", { source: "GitHub", by: "Kai Müller" });
s.chat("14:56:40", "kai", "rules reloaded, no new firing. closing");
s.metric("search_api_latency_p99_ms", "14:00", P99, { source: "Prometheus", unit: "ms" });
s.metric(
  "search_api_http_5xx_ratio",
  "14:00",
  [
    0.05, 0.081, 0.088, 0.074, 0.077, 0.088, 0.084, 0.077, 0.078, 0.076, 0.068, 0.074, 0.056, 0.083, 0.065,
    0.067, 0.051, 0.075, 0.068, 0.069, 0.059, 0.063, 0.062, 0.062, 0.065, 0.058, 0.072, 0.075, 0.054, 0.07,
    0.076, 0.07, 0.071, 0.086, 0.064, 0.087, 0.085, 0.051, 0.061, 0.088, 0.06, 0.073, 0.06, 0.081, 0.067,
    0.088, 0.082, 0.072, 0.064, 0.081, 0.084, 0.057, 0.07, 0.072, 0.068, 0.076, 0.086, 0.074, 0.072, 0.089,
    0.057, 0.065, 0.063, 0.056, 0.086, 0.07,
  ],
  { source: "Prometheus", unit: "%" },
);
s.alert("14:58:05", "PagerDuty", { ...PD, kind: "resolve", actor: "Kai Müller" });
s.status("14:58:20", "Kai Müller", "identified", "resolved");
s.note("15:05:00", "Zoe Martin", "Follow-ups: alert-rule PRs need a backtest against the last 7 days; page on SLO burn rate rather than raw p99.");

export const scenario: Scenario = {
  name: "08 flapping alert (mis-tuned threshold)",
  description:
    "SearchApiLatencyHigh fired and resolved 15 times in 51 minutes because PR #311 had set its threshold to 250 ms with for: 0m while search-api's normal p99 sits at ~250 ms; error rate stayed flat and nothing was wrong with the service. " +
    "Restoring 400 ms / for: 10m stopped it. The search-indexer deploy at 13:40 is a red herring (not on the query path; p99 unchanged).",
  input: {
    incident: incident({
      key: "INC-4188",
      title: "search-api latency alert",
      severity: "SEV4",
      category: "degradation",
      services: ["search-api"],
      startedAt: at("14:01:14.107"),
      detectedAt: at("14:01:14.107"),
      acknowledgedAt: at("14:09:25"),
      resolvedAt: at("14:58:05"),
    }),
    evidence: s.evidence,
    now: at("16:00"),
  },
  truth: {
    rootCause: { keywords: ["threshold"], evidenceIds: [tightened.id, flat.id, thresholdChat.id, rootCauseNote.id] },
    // 14:01:14.1 → 14:09:25 is 8 m 10.9 s (8); → 14:58:05 is 56 m 50.9 s (57).
    impact: {
      durationMinutes: 57,
      timeToAcknowledgeMinutes: 8,
      timeToResolveMinutes: 57,
      peaks: [
        { series: "search_api_latency_p99_ms", value: 266 },
        { series: "search_api_http_5xx_ratio", value: 0.089 },
      ],
    },
  },
};

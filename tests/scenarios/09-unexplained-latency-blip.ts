import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s9", { channel: "Slack #inc-4195-notifications", uploader: "Ravi Menon" });
const RULE = { key: "am-fingerprint:8b0c4e2a6d9f1357", name: "NotificationsLatencyHigh", service: "notifications-api", title: "notifications-api p95 latency above 500ms for 2m", priority: "warning" };
const PD = { key: "pd-incident:Q9BLP55", title: "notifications-api latency elevated", priority: "P3", service: "notifications-api" };

// Two and a half hours before: far outside any "shortly before" window, and clean since.
s.change("08:47:50", "notifications-api", 'notifications-api v5.1.0 deployed to production by ci-bot (run #4470): "Batch APNs sends".');
s.alert("11:14:20", "Alertmanager", RULE);
s.alert("11:14:24", "Grafana", { ...RULE, key: "grafana-fingerprint:9d2e11c4" });
s.alert("11:15:02", "PagerDuty", PD);
s.alert("11:17:45", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Ravi Menon" });
s.status("11:18:00", "Ravi Menon", "triggered", "investigating");
s.chat("11:18:30", "ravi", "looking. p95 up to ~900ms, no errors, throughput normal");
s.chat("11:19:40", "mara", "nothing in notifications-api logs, no restarts, GC pauses normal");
// A deploy after the latency rose: errors started before this change.
s.change("11:20:05", "billing-worker", 'billing-worker v3.4.2 deployed to production by ci-bot (run #3340): "Invoice PDF fonts".');
s.chat("11:21:12", "ravi", "AWS health dashboard green for eu-west-1, RDS and redis latency flat");
s.chat("11:22:30", "mara", "5.1.0 has been out since 08:47 with two hours of clean graphs, and billing-worker just deployed but that's after this started and they don't talk to each other");
s.chat("11:23:48", "mara", "could be a noisy neighbour on the node but I have no evidence either way, node metrics are 1-min averages");
s.alert("11:25:30", "Alertmanager", { ...RULE, kind: "resolve" });
s.alert("11:25:33", "Grafana", { ...RULE, key: "grafana-fingerprint:9d2e11c4", kind: "resolve" });
s.chat("11:26:05", "ravi", "recovered on its own at ~11:24, queue draining");
s.chat("11:27:40", "mara", `QA says a test push with body ${HTML_PROBE} went to the staging list at 11:10 — staging only, not this`);
s.status("11:28:00", "Ravi Menon", "investigating", "monitoring");
s.metric(
  "notifications_api_latency_p95_ms",
  "11:00",
  [
    118, 139, 135, 134, 129, 138, 124, 135, 136, 119, 138, 124, 234, 344, 456,
    543, 682, 800, 932, 778, 706, 561, 454, 369, 245, 122, 123, 129, 127, 135,
    130, 124, 132, 129, 129, 136, 134, 135, 128, 132, 118, 133, 121, 124, 133,
    134,
  ],
  { source: "Grafana", unit: "ms" },
);
s.metric(
  "notifications_queue_depth",
  "11:00",
  [
    20, 23, 35, 25, 20, 24, 29, 33, 34, 49, 28, 43, 33, 367, 732,
    1069, 1413, 1755, 2085, 2424, 2089, 1739, 1396, 1066, 730, 376, 33, 24, 28, 35,
    42, 23, 24, 31, 41, 25, 26, 37, 25, 38, 41, 31, 34, 29, 48,
    40,
  ],
  { source: "Grafana", unit: "messages" },
);
s.note(
  "11:40:20",
  "Ravi Menon",
  "Cause not found. No deploy, config change or dependency alert lines up with 11:12–11:24 and it recovered by itself. Adding per-dependency latency histograms so the next one can be explained.",
);
s.alert("11:42:10", "PagerDuty", { ...PD, kind: "resolve", actor: "Ravi Menon" });
s.status("11:42:25", "Ravi Menon", "monitoring", "resolved");

export const scenario: Scenario = {
  name: "09 unexplained latency blip (cause unknowable)",
  description:
    "notifications-api p95 rose from ~130 ms to 932 ms for about twelve minutes and recovered on its own; no change, dependency alert or error signature lines up, and the responders say so. " +
    "The only deploys are 2.5 hours earlier (clean since) and one on another service after the start, so a careful reader reports the cause as unknown.",
  input: {
    incident: incident({
      key: "INC-4195",
      title: "notifications-api p95 latency elevated",
      severity: "SEV3",
      category: "degradation",
      services: ["notifications-api"],
      startedAt: at("11:14:20"),
      detectedAt: at("11:14:20"),
      acknowledgedAt: at("11:17:45"),
      resolvedAt: at("11:42:10"),
    }),
    evidence: s.evidence,
    now: at("13:00"),
  },
  truth: {
    rootCause: { unknowable: "No change, dependency alert or error signature explains the blip; responders found nothing and wrote so." },
    // 11:14:20 → 11:17:45 is 3 m 25 s (3); → 11:42:10 is 27 m 50 s (28).
    impact: {
      durationMinutes: 28,
      timeToAcknowledgeMinutes: 3,
      timeToResolveMinutes: 28,
      peaks: [
        { series: "notifications_api_latency_p95_ms", value: 932 },
        { series: "notifications_queue_depth", value: 2424 },
      ],
    },
  },
};

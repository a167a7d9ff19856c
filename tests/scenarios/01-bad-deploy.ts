import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s1", { channel: "Slack #inc-4127-checkout", uploader: "Dana Whitfield" });
const AM = { key: "am-fingerprint:7f3a1c9e02b4d5a1", name: "HighErrorRate", service: "payments-service", title: "5xx ratio above 5% for 3m", priority: "critical" };
const GF = { ...AM, key: "grafana-fingerprint:c01d2e8a" };
const PD = { key: "pd-incident:Q2X8KD1", title: "Payments API error rate high", priority: "P2", service: "payments-service" };
const DD = { key: "dd-alert:88123:service:checkout-api", title: "checkout-api p99 latency above 1.5s", priority: "P2", service: "checkout-api" };

// A deploy on an unrelated service shortly before: same window, wrong service.
s.change("13:41:12", "search-indexer", 'search-indexer v1.8.3 deployed to production by ci-bot (run #8790): "Bump Lucene to 9.10".');
const deploy = s.change("13:58:27", "payments-service", 'payments-service v4.12.0 deployed to production by ci-bot (run #8812): "Refund mapper: use minor units everywhere".');
// Grafana mirrors the Alertmanager rule and its clock runs ~3 s behind.
s.alert("14:03:02", "Grafana", GF);
s.alert("14:03:05.412", "Alertmanager", AM);
s.alert("14:03:41", "PagerDuty", PD);
s.alert("14:04:20", "Datadog", DD);
s.alert("14:06:52", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Dana Whitfield" });
s.status("14:07:10", "Dana Whitfield", "triggered", "investigating");
const ack = s.chat("14:07:31", "dana", "ack'd, looking. payments 5xx spiking and checkout is timing out waiting on it");
const npe1 = s.chat(
  "14:08:44",
  "raj",
  "payments logs are full of this:\n```java.lang.NullPointerException: currency is null\n  at com.acme.payments.refund.RefundMapper.toMinorUnits(RefundMapper.java:88)\n  at com.acme.payments.capture.CaptureService.capture(CaptureService.java:141)```",
  { replyTo: ack },
);
const npe2 = s.chat("14:09:15", "mei", "same NPE in RefundMapper here, only on the refund + capture paths. payments-service only", { replyTo: ack });
s.chat("14:10:03", "dana", "anything deployed recently? I see search-indexer 1.8.3 at 13:41 and payments-service 4.12.0 at 13:58");
s.chat("14:10:40", "raj", "search-indexer is on the batch cluster and nothing in checkout calls it, ignore that one");
// A flag flip after the start: a candidate only if the drafter ignores time order.
s.change("14:12:05", "recommendations-service", "LaunchDarkly: flag recs-carousel-v2 turned ON for 10% of users (recommendations-service) by priya", { source: "LaunchDarkly", by: "Priya Shah" });
const diff = s.chat("14:12:30", "mei", "4.12.0 switched RefundMapper to minor units, it's the only payments diff. first NPE in logs at 14:00:10, ~100s after the deploy finished");
s.chat("14:13:02", "priya", `unrelated but someone pasted ${HTML_PROBE} into the support widget again, I'll file a ticket`);
s.status("14:14:05", "Dana Whitfield", "investigating", "identified");
s.note("14:14:20", "Dana Whitfield", "Rolling back payments-service to v4.11.2.");
s.alert("14:15:10", "Opsgenie", { key: "og-alias:checkout-conversion", title: "Checkout conversion below 50% of forecast", priority: "P3", service: "checkout-api" });
s.chat("14:16:40", "priya", "fyi recs carousel flag is at 10% since 14:12, happy to turn it off if anyone thinks it's related");
s.chat("14:17:05", "dana", "no need, recs isn't in the checkout path and errors started 12 min before the flag");
s.change("14:29:48", "payments-service", "payments-service v4.11.2 deployed to production by dana (rollback of v4.12.0).", { by: "Dana Whitfield" });
const recovered = s.chat("14:31:55", "raj", "rollback finished, last NPE at 14:30:40. 5xx falling off a cliff");
s.chat("14:33:10", "dana", "5xx back at 0.2%, moving to monitoring");
s.status("14:33:30", "Dana Whitfield", "identified", "monitoring");
s.alert("14:35:20", "Grafana", { ...GF, kind: "resolve" });
s.alert("14:35:23.870", "Alertmanager", { ...AM, kind: "resolve" });
s.alert("14:36:02", "Datadog", { ...DD, kind: "resolve" });
s.alert("14:37:44", "Opsgenie", { key: "og-alias:checkout-conversion", title: "Checkout conversion below 50% of forecast", kind: "resolve", actor: "Dana Whitfield" });
// Metrics uploaded after the fact, as the evidence form does; 14:23 is a scrape gap.
s.metric(
  "payments_http_5xx_ratio",
  "13:50",
  [
    0.15, 0.22, 0.2, 0.16, 0.28, 0.21, 0.23, 0.22, 0.22, 0.19, 0.18, 1.92, 4.34, 4.88, 8.14,
    9.59, 10.16, 12.38, 9.92, 12.09, 10.69, 11.37, 11.61, 10.58, 9.36, 12.49, 10.44, 12.37, 13.82, 12.5,
    10.23, 9.34, 12.62, NaN, 11.82, 11.49, 11.29, 11.01, 13.28, 12.46, 10.13, 3.15, 0.32, 0.22, 0.25,
    0.28, 0.26, 0.27, 0.22, 0.26, 0.23, 0.29, 0.28, 0.34, 0.21, 0.35,
  ],
  { source: "Grafana", unit: "%" },
);
s.metric(
  "checkout_api_latency_p99_ms",
  "13:50",
  [
    300, 335, 304, 330, 324, 338, 334, 309, 309, 313, 336, 314, 662, 897, 1306,
    1485, 1759, 2087, 2071, 2547, 2487, 2084, 2451, 2352, 2451, 2505, 2383, 2412, 2342, 2173,
    2113, 2471, 2174, 2479, 2502, 2472, 2101, 2470, 2153, 2192, 2057, 2199, 358, 321, 334,
    318, 336, 308, 315, 356, 330, 311, 316, 325, 333, 350,
  ],
  { source: "Grafana", unit: "ms" },
);
s.alert("14:52:11", "PagerDuty", { ...PD, kind: "resolve", actor: "Dana Whitfield" });
s.status("14:52:30", "Dana Whitfield", "monitoring", "resolved");
s.note("14:55:02", "Mei Tanaka", "Follow-ups: contract test for a null currency in RefundMapper; canary payments deploys behind a 5xx guard so a bad build stops at 5% of traffic.");

export const scenario: Scenario = {
  name: "01 bad deploy (payments-service v4.12.0)",
  description:
    "payments-service v4.12.0 shipped at 13:58 and the first payments alerts fired at 14:03; two responders quote the same NullPointerException in the code the release changed, and rolling back to v4.11.2 ended the errors within a minute. " +
    "A search-indexer deploy at 13:41 and a recommendations flag at 14:12 are red herrings (other services, one after the start).",
  input: {
    incident: incident({
      key: "INC-4127",
      title: "Checkout failing: payments 5xx",
      severity: "SEV2",
      category: "outage",
      services: ["payments-service", "checkout-api"],
      startedAt: at("14:03:02"),
      detectedAt: at("14:03:02"),
      acknowledgedAt: at("14:06:52"),
      resolvedAt: at("14:52:11"),
    }),
    evidence: s.evidence,
    now: at("15:30"),
  },
  truth: {
    rootCause: { keywords: ["payments-service", "v4.12.0"], evidenceIds: [deploy.id, npe1.id, npe2.id, diff.id, recovered.id] },
    // 14:03:02 → 14:06:52 is 3 m 50 s (4); → 14:52:11 is 49 m 9 s (49).
    impact: {
      durationMinutes: 49,
      timeToAcknowledgeMinutes: 4,
      timeToResolveMinutes: 49,
      peaks: [
        { series: "payments_http_5xx_ratio", value: 13.82 },
        { series: "checkout_api_latency_p99_ms", value: 2547 },
      ],
    },
  },
};

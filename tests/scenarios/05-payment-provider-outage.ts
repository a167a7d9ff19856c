import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s5", { channel: "Slack #inc-4160-payments", uploader: "Noor Haddad" });
const DD = { key: "dd-alert:72018:service:checkout-service", title: "payflow-client non-2xx responses above 10%", priority: "P2", service: "checkout-service" };
const PD = { key: "pd-incident:Q5PFL22", title: "Checkout: payment authorisations failing", priority: "P1", service: "checkout-service" };
const OG = { key: "og-alias:payment-success-rate", title: "Payment success rate below 80%", priority: "P1", service: "checkout-service" };
const QUEUE = { key: "am-fingerprint:4f0e2b6a9c1d7385", name: "QueueBacklog", service: "subscriptions-worker", title: "renewals queue above 5000 messages", priority: "warning" };
const STATUS = { channel: "Slack #vendor-status" };

// Our own deploy, 21 minutes before, on the service that alerts: the suspect a rollback clears.
s.change("10:41:15", "checkout-service", 'checkout-service v9.3.0 deployed to production by ci-bot (run #7702): "Apple Pay button in the cart drawer".');
const ddAlert = s.alert("11:01:58", "Datadog", DD);
s.alert("11:02:20", "PagerDuty", PD);
s.alert("11:02:25", "Opsgenie", OG);
s.alert("11:03:40", "Alertmanager", QUEUE);
s.alert("11:04:05", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Noor Haddad" });
s.status("11:04:20", "Noor Haddad", "triggered", "investigating");
s.chat("11:05:00", "noor", "ack. checkout 9.3.0 went out at 10:41 — rolling back to be safe while we look");
const err503 = s.chat("11:05:40", "ben", "checkout logs: `PayFlowError: 503 Service Unavailable (request_id pf_req_8sd7Qk2)` on POST /v2/authorizations");
const timeout = s.chat("11:06:30", "ben", "plus `payflow api timeout after 10000ms` on the retries. it's PayFlow returning errors, not us throwing");
const renewals = s.chat("11:06:58", "carla", "subscriptions-worker renewals fail with the same PayFlow 503 and it hasn't been deployed since Tuesday");
const vendor1 = s.chat(
  "11:08:02",
  "PayFlow Status",
  "[Investigating] Elevated error rates on the Payments API — We are investigating elevated error rates for card authorisations in EU regions. Mar 14, 10:58 UTC",
  STATUS,
);
s.change("11:09:20", "checkout-service", "checkout-service v9.2.4 deployed to production by noor (rollback of v9.3.0).", { by: "Noor Haddad" });
s.alert("11:10:12", "Opsgenie", { ...OG, kind: "acknowledge", actor: "Ben Carter" });
const noHelp = s.chat("11:14:45", "noor", "rollback to 9.2.4 finished at 11:12 — no change, still 503s from PayFlow");
s.status("11:16:00", "Noor Haddad", "investigating", "identified");
const rootCauseNote = s.note(
  "11:17:30",
  "Noor Haddad",
  "This was caused by PayFlow's API outage (their incident PF-2291, EU card authorisations), not by our deploy: the rollback did not help. Switching EU cards to the secondary acquirer.",
);
s.change("11:20:30", "checkout-service", "LaunchDarkly: flag payments.fallback-acquirer-eu turned ON by noor", { source: "LaunchDarkly", by: "Noor Haddad" });
s.chat("11:21:05", "ben", `who put ${HTML_PROBE} in the checkout test coupon code? it shows up in the admin coupon list 😅`);
s.chat("11:24:40", "carla", "fallback acquirer is taking EU traffic, success rate climbing. renewals will retry on their own");
s.chat("11:33:10", "PayFlow Status", "[Monitoring] A fix has been implemented and we are monitoring the results.", STATUS);
s.alert("11:36:10", "Datadog", { ...DD, kind: "resolve" });
s.alert("11:36:30", "Opsgenie", { ...OG, kind: "resolve", actor: "Noor Haddad" });
s.status("11:38:00", "Noor Haddad", "identified", "monitoring");
s.alert("11:40:02", "Alertmanager", { ...QUEUE, kind: "resolve" });
s.chat("11:47:15", "PayFlow Status", "[Resolved] This incident has been resolved. Card authorisations in EU regions are operating normally.", STATUS);
s.chat("11:48:00", "noor", "turning the fallback flag off again in 30 min if PayFlow stays green");
s.metric(
  "payflow_client_errors_per_minute",
  "10:50",
  [
    0, 2, 2, 1, 0, 0, 1, 2, 2, 2, 1194, 1357, 908, 1135, 1145,
    915, 1171, 1424, 1109, 1356, 1423, 1152, 1343, 1246, 1279, 966, 1152, 1324, 972, 1054,
    1118, 882, 1135, 1278, 833, 1188, 882, 805, 1036, 1086, 954, 932, 952, 842, 648,
    686, 3, 0, 1, 0, 2, 3, 3, 1, 3, 2, 3, 0, 0, 0,
    0, 3, 2, 0, 1, 3,
  ],
  { source: "Datadog", unit: "errors/min" },
);
// p95 from a histogram whose samples all landed in the overflow bucket for one minute reads +Inf.
s.metric(
  "payflow_client_request_duration_p95_ms",
  "10:50",
  [
    220, 270, 237, 271, 262, 243, 247, 238, 239, 256, 6038, 9111, 8123, 7561, 7856,
    8778, 7493, 7561, 6015, 7801, 8474, 7826, 6266, 7300, 9891, 6361, 6681, 9041, 6019, 8704,
    Infinity, 7151, 8568, 8645, 6582, 6917, 8300, 8678, 8801, 9256, 9804, 8022, 6590, 8357, 6197,
    8024, 270, 268, 229, 264, 237, 263, 278, 232, 228, 276, 235, 261, 264, 279,
    246, 266, 220, 256, 276, 240,
  ],
  { source: "Datadog", unit: "ms" },
);
s.alert("11:52:44", "PagerDuty", { ...PD, kind: "resolve", actor: "Noor Haddad" });
s.status("11:53:00", "Noor Haddad", "monitoring", "resolved");
s.note("12:05:00", "Ben Carter", "Follow-ups: fail over to the secondary acquirer automatically when PayFlow 5xx > 20% for 2 min; subscribe the on-call channel to PayFlow's status feed with paging.");

export const scenario: Scenario = {
  name: "05 third-party outage (PayFlow)",
  description:
    "The payment provider PayFlow had an outage (their incident PF-2291, posted 10:58); checkout-service and an undeployed subscriptions-worker both got 503s from PayFlow, and traffic recovered when PayFlow fixed it and EU cards went to a fallback acquirer. " +
    "The checkout-service v9.3.0 deploy 21 min before the first alert is the tempting suspect, but rolling it back did not help.",
  input: {
    incident: incident({
      key: "INC-4160",
      title: "Card payments failing at checkout",
      severity: "SEV1",
      category: "outage",
      services: ["checkout-service", "subscriptions-worker"],
      startedAt: at("11:01:58"),
      detectedAt: at("11:01:58"),
      acknowledgedAt: at("11:04:05"),
      resolvedAt: at("11:52:44"),
    }),
    evidence: s.evidence,
    now: at("14:00"),
  },
  truth: {
    rootCause: { keywords: ["payflow"], evidenceIds: [ddAlert.id, err503.id, timeout.id, renewals.id, vendor1.id, noHelp.id, rootCauseNote.id] },
    // 11:01:58 → 11:04:05 is 2 m 7 s (2); → 11:52:44 is 50 m 46 s (51).
    impact: {
      durationMinutes: 51,
      timeToAcknowledgeMinutes: 2,
      timeToResolveMinutes: 51,
      peaks: [
        { series: "payflow_client_errors_per_minute", value: 1424 },
        { series: "payflow_client_request_duration_p95_ms", value: 9891 },
      ],
    },
  },
};

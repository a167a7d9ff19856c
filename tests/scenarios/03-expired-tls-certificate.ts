import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s3", { channel: "Slack #inc-4140-billing", uploader: "Priya Nair" });
const PROBE = { key: "am-fingerprint:e41b8c7d09a2f6c3", name: "BlackboxProbeFailed", service: "ledger-gateway", title: "https://ledger-gateway.internal:8443/healthz probe failed (phase: tls)", priority: "critical" };
const DD = { key: "dd-alert:51290:service:billing-worker", title: "billing-worker job failure rate above 10%", priority: "P2", service: "billing-worker" };
// Opsgenie gets the same Datadog monitor through its integration: a duplicate from a second sender.
const OG = { key: "og-alias:dd-51290-billing-worker", title: "[Datadog] billing-worker job failure rate above 10%", priority: "P2", service: "billing-worker" };
const PD = { key: "pd-incident:Q3LKB0P", title: "Billing: invoice jobs failing", priority: "P2", service: "billing-worker" };

// The tempting suspect: a deploy 17 minutes before, on a service named in the first alerts.
s.change("08:44:02", "billing-worker", 'billing-worker v3.4.0 deployed to production by ci-bot (run #3318): "Retry invoice posting with jitter".');
s.alert("09:00:41", "Alertmanager", PROBE);
s.alert("09:01:12", "Datadog", DD);
s.alert("09:01:19", "Opsgenie", OG);
s.alert("09:01:30", "PagerDuty", PD);
s.alert("09:03:55", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Priya Nair" });
s.status("09:04:10", "Priya Nair", "triggered", "investigating");
s.chat("09:04:40", "priya", "on it. billing-worker 3.4.0 went out at 08:44, that's my first suspect");
const x509a = s.chat(
  "09:05:22",
  "tomas",
  'worker logs: `Post "https://ledger-gateway.internal:8443/v1/entries": x509: certificate has expired or is not yet valid: current time 2026-03-14T09:01:02Z is after 2026-03-14T09:00:00Z`',
);
const rollingBack = s.chat("09:06:10", "priya", "rolling back billing-worker to 3.3.9 anyway to rule it out");
s.change("09:09:30", "billing-worker", "billing-worker v3.3.9 deployed to production by priya (rollback of v3.4.0).", { by: "Priya Nair" });
s.alert("09:11:02", "Opsgenie", { ...OG, kind: "acknowledge", actor: "Priya Nair" });
// A thread reply: which rollback it is about comes from the thread (and the 09:09 change), not the words.
s.chat("09:13:12", "priya", "rollback done at 09:12, still failing with the exact same x509 error. not the deploy", { replyTo: rollingBack });
const openssl = s.chat(
  "09:13:50",
  "alex",
  "ledger team here. `openssl s_client -connect ledger-gateway.internal:8443 | openssl x509 -noout -enddate` → notAfter=Mar 14 09:00:00 2026 GMT. certificate has expired",
);
const x509b = s.chat("09:14:30", "tomas", "reconciliation-cron hits the same `certificate has expired` and it hasn't been deployed in three weeks");
s.chat("09:15:10", "alex", `unrelated: whoever put ${HTML_PROBE} in the ledger-gateway README badge alt text, please revert`);
s.chat(
  "09:17:02",
  "alex",
  "cert-manager: Certificate ledger-gateway-tls Ready=False since Feb 12 — `ACME DNS-01: AccessDenied: route53:ChangeResourceRecordSets`. renewals have been failing for a month",
);
s.status("09:18:00", "Priya Nair", "investigating", "identified");
// No "root cause" marker: the drafter must weigh the failed rollback and the quotes itself.
const expiryNote = s.note(
  "09:19:25",
  "Alex Kim",
  "Confirmed: the TLS certificate on ledger-gateway expired at 09:00:00 UTC; cert-manager renewals had failed for 30 days (missing IAM permission for the DNS-01 challenge). Renewing by hand.",
);
s.chat("09:24:40", "priya", "anyone know if finance needs a heads-up? invoices for EU customers are ~25 min late");
s.chat("09:25:15", "tomas", "I'll tell them, jobs retry so nothing is lost");
s.change("09:33:40", "ledger-gateway", "cert-manager: Certificate ledger-gateway-tls renewed by hand (issuer letsencrypt-prod), notAfter 2026-06-12T09:32:51Z", { source: "Manual change", by: "Alex Kim" });
s.alert("09:34:50", "Alertmanager", { ...PROBE, kind: "resolve" });
s.chat("09:35:30", "tomas", "handshakes OK, backlog draining");
s.alert("09:36:02", "Datadog", { ...DD, kind: "resolve" });
s.alert("09:36:05", "Opsgenie", { ...OG, kind: "resolve", actor: "Priya Nair" });
s.status("09:37:00", "Priya Nair", "identified", "monitoring");
s.metric(
  "billing_worker_job_failures_per_minute",
  "08:40",
  [
    0, 0, 1, 0, 1, 2, 1, 0, 0, 2, 2, 0, 2, 0, 1,
    1, 2, 0, 2, 0, 245, 200, 198, 239, 196, 203, 239, 199, 242, 231,
    195, 223, 189, 212, 237, 192, 222, 211, 230, 202, 226, 212, 208, 204, 193,
    197, 220, 209, 211, 217, 233, 236, 205, 216, 0, 0, 0, 2, 0, 2,
    0, 1, 0, 2, 1, 0,
  ],
  { source: "Datadog", unit: "jobs/min" },
);
s.metric(
  "ledger_gateway_tls_handshake_errors_per_second",
  "08:40",
  [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 22, 23.88, 23.61, 28.09, 22.44, 22.06, 26.55, 28.51, 28.64, 30.19,
    24.45, 27.59, 27.32, 22.96, 28.4, 30.55, 26.29, 24.22, 24.42, 23.25, 25.24, 30.79, 29.63, 28.97, 22.7,
    29.76, 30.49, 30.33, 24.81, 25.94, 23.17, 25.51, 25.59, 26.67, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0,
  ],
  { source: "Prometheus", unit: "errors/s" },
);
s.alert("09:41:17", "PagerDuty", { ...PD, kind: "resolve", actor: "Priya Nair" });
s.status("09:41:40", "Priya Nair", "monitoring", "resolved");
s.note("09:48:00", "Alex Kim", "Follow-ups: alert on cert-manager Certificate Ready=False for > 1h; alert on any certificate with < 14 days left, routed to the owning team; fix the DNS-01 IAM policy.");

export const scenario: Scenario = {
  name: "03 expired TLS certificate (ledger-gateway)",
  description:
    "ledger-gateway's TLS certificate expired at 09:00:00 UTC because cert-manager renewals had been failing for a month; three responders quote `certificate has expired`, openssl shows notAfter 09:00:00, and a renewed certificate ended the errors. " +
    "The billing-worker v3.4.0 deploy at 08:44 looks guilty (right service, 17 min before) but rolling it back changed nothing and an undeployed cron failed the same way.",
  input: {
    incident: incident({
      key: "INC-4140",
      title: "Invoice generation failing",
      severity: "SEV2",
      category: "degradation",
      services: ["billing-worker", "ledger-gateway"],
      startedAt: at("09:00:41"),
      detectedAt: at("09:00:41"),
      acknowledgedAt: at("09:03:55"),
      resolvedAt: at("09:41:17"),
    }),
    evidence: s.evidence,
    now: at("12:00"),
  },
  truth: {
    rootCause: { keywords: ["certificate"], evidenceIds: [x509a.id, openssl.id, x509b.id, expiryNote.id] },
    // 09:00:41 → 09:03:55 is 3 m 14 s (3); → 09:41:17 is 40 m 36 s (41).
    impact: {
      durationMinutes: 41,
      timeToAcknowledgeMinutes: 3,
      timeToResolveMinutes: 41,
      peaks: [
        { series: "billing_worker_job_failures_per_minute", value: 245 },
        { series: "ledger_gateway_tls_handshake_errors_per_second", value: 30.79 },
      ],
    },
  },
};


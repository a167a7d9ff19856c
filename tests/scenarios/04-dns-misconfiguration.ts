import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s4", { channel: "Slack #inc-4152-login", uploader: "Sam Okafor" });
const LOGIN = { key: "am-fingerprint:3d7e90a1b5c2f846", name: "LoginErrorsHigh", service: "login-api", title: "failed logins above 20% for 1m", priority: "critical" };
const PROBE = { key: "am-fingerprint:a8c2d4e6f0b13579", name: "BlackboxProbeFailed", service: "auth-service", title: "probe_success == 0 for http://auth-service.svc.internal/healthz", priority: "critical" };
const PD = { key: "pd-incident:Q9DNS41", title: "Login failures spike", priority: "P1", service: "login-api" };
const DD = { key: "dd-alert:60233:service:auth-service", title: "auth-service request rate dropped 90% vs last week", priority: "P2", service: "auth-service" };

// A deploy on a service named in the alerts, 19 minutes before: the obvious suspect, and wrong.
s.change("16:05:40", "auth-service", 'auth-service v7.2.1 deployed to production by ci-bot (run #5120): "Copy: password reset email wording".');
const terraform = s.change(
  "16:21:03",
  "infra-dns",
  "terraform apply infra-dns (run #4412) by ci: route53 zone svc.internal — 3 to add, 0 to change, 1 to destroy (aws_route53_record.auth_service_cname)",
  { source: "Terraform Cloud" },
);
// Grafana and Alertmanager evaluate the same rule; their clocks disagree by 4 s.
s.alert("16:24:48", "Grafana", { ...LOGIN, key: "grafana-fingerprint:77e1a0c3" });
s.alert("16:24:52.305", "Alertmanager", LOGIN);
s.alert("16:25:30", "Alertmanager", PROBE);
s.alert("16:25:44", "PagerDuty", PD);
s.alert("16:26:10", "Datadog", DD);
s.alert("16:27:30", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Sam Okafor" });
s.status("16:27:45", "Sam Okafor", "triggered", "investigating");
s.chat("16:28:12", "sam", "login-api is 502ing on every call to auth. auth-service pods look healthy though, 0 restarts, CPU idle");
s.chat("16:29:01", "lena", "auth-service shipped 7.2.1 at 16:05, want me to roll it back?");
s.chat("16:29:40", "sam", "7.2.1 is an email copy change and auth dashboards were clean 16:05–16:23. hold off");
const enotfound = s.chat("16:30:22", "lena", "login-api logs: `Error: getaddrinfo ENOTFOUND auth-service.svc.internal`");
const dig = s.chat("16:31:05", "sam", "`dig auth-service.svc.internal @10.0.0.2` → status: NXDOMAIN. DNS is the problem, not the pods");
const resolvers = s.chat("16:31:40", "jorge", "NXDOMAIN from every resolver since ~16:23. there was an infra-dns terraform run at 16:21, looking");
const renamed = s.chat("16:33:30", "jorge", "yep: #4412 renamed the record to auth.svc.internal and destroyed the old auth-service CNAME, but nothing had migrated to the new name yet");
s.status("16:34:05", "Sam Okafor", "investigating", "identified");
const rootCauseNote = s.note(
  "16:35:10",
  "Jorge Alvarez",
  "Root cause: DNS misconfiguration. Terraform run infra-dns #4412 destroyed the auth-service.svc.internal CNAME, so login-api lookups got NXDOMAIN. Restoring the record.",
);
s.chat("16:36:02", "lena", `side note: the login error banner shows a raw ${HTML_PROBE} from a test account's display name, filed SEC-112`);
s.chat("16:38:45", "sam", "status page updated: 'Some users cannot sign in'");
s.change("16:44:10", "infra-dns", "terraform apply infra-dns (run #4415) by jorge: restore aws_route53_record.auth_service_cname (auth-service.svc.internal)", { source: "Terraform Cloud", by: "Jorge Alvarez" });
s.chat("16:47:20", "sam", "resolving again. logins recovering as the 300 s negative-cache TTL runs out");
s.alert("16:49:20", "Alertmanager", { ...PROBE, kind: "resolve" });
s.alert("16:49:30", "Grafana", { ...LOGIN, key: "grafana-fingerprint:77e1a0c3", kind: "resolve" });
s.alert("16:49:33.910", "Alertmanager", { ...LOGIN, kind: "resolve" });
s.alert("16:50:05", "Datadog", { ...DD, kind: "resolve" });
s.status("16:50:30", "Sam Okafor", "identified", "monitoring");
s.chat("16:52:11", "lena", "did anyone order lunch? asking for the whole team");
s.metric(
  "login_api_failed_logins_per_second",
  "16:15",
  [
    0.5, 1.1, 2, 1.7, 1.8, 2, 1.9, 1.8, 154.5, 158.3, 168.8, 182.3, 164.2, 183.3, 157.1,
    156.7, 177.2, 186.5, 183.7, 161.3, 192.6, 170.6, 150.6, 194, 162.8, 189.9, 194.1, 162.3, 190.2, 176.4,
    162.2, 187.2, 186.2, 64.8, 0.6, 1.5, 0.8, 0.6, 1.2, 0.9, 1.9, 1.6, 1.8, 0.5, 1.3,
    1.6, 1, 1.2, 1.6, 0.6, 1.4,
  ],
  { source: "Grafana", unit: "req/s" },
);
s.metric(
  "coredns_nxdomain_responses_per_second",
  "16:15",
  [
    2, 3.6, 4.2, 2.8, 3.1, 2.6, 4.9, 3.5, 521.1, 610.5, 552.3, 519.6, 531.7, 609.2, 615.1,
    492.5, 501, 554.3, 552, 482, 639, 605.7, 603.1, 535.1, 522.7, 582.6, 488.4, 505.2, 532.7, 490.4,
    567.4, 638.9, 592.3, 567, 5, 2.6, 4.1, 3.2, 3.3, 4.2, 2.5, 4.4, 4.4, 2.3, 2.1,
    2.4, 3.9, 3.1, 2.7, 3.5, 3.6,
  ],
  { source: "Grafana", unit: "responses/s" },
);
s.alert("16:58:40", "PagerDuty", { ...PD, kind: "resolve", actor: "Sam Okafor" });
s.status("16:58:55", "Sam Okafor", "monitoring", "resolved");
s.note("17:10:00", "Jorge Alvarez", "Follow-ups: terraform plan for DNS zones must list destroyed records in the PR; keep CNAME aliases for one release when renaming; probe resolution of service names from login-api's namespace.");

export const scenario: Scenario = {
  name: "04 DNS misconfiguration (infra-dns #4412)",
  description:
    "Terraform run infra-dns #4412 at 16:21 destroyed the auth-service.svc.internal CNAME; from 16:23 login-api's lookups returned NXDOMAIN (quoted by three responders), and restoring the record at 16:44 fixed logins. " +
    "The auth-service v7.2.1 deploy at 16:05 is the tempting suspect (same service as an alert, 19 min before), but its dashboards were clean until 16:23 and nobody rolled it back.",
  input: {
    incident: incident({
      key: "INC-4152",
      title: "Users cannot log in",
      severity: "SEV1",
      category: "outage",
      services: ["login-api", "auth-service"],
      startedAt: at("16:24:48"),
      detectedAt: at("16:24:48"),
      acknowledgedAt: at("16:27:30"),
      resolvedAt: at("16:58:40"),
    }),
    evidence: s.evidence,
    now: at("18:00"),
  },
  truth: {
    rootCause: { keywords: ["dns"], evidenceIds: [terraform.id, enotfound.id, dig.id, resolvers.id, renamed.id, rootCauseNote.id] },
    // 16:24:48 → 16:27:30 is 2 m 42 s (3); → 16:58:40 is 33 m 52 s (34).
    impact: {
      durationMinutes: 34,
      timeToAcknowledgeMinutes: 3,
      timeToResolveMinutes: 34,
      peaks: [
        { series: "login_api_failed_logins_per_second", value: 194.1 },
        { series: "coredns_nxdomain_responses_per_second", value: 639 },
      ],
    },
  },
};

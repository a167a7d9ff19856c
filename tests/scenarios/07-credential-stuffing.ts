import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s7", { channel: "Slack #sec-inc-4180", uploader: "Ines Duarte" });
const DD = { key: "dd-alert:91502:service:login-api", title: "login-api failed login ratio above 40%", priority: "P2", service: "login-api" };
const WAF = { key: "og-alias:waf-login-anomaly", title: "WAF: anomalous request rate on POST /api/login", priority: "P2", service: "edge-waf" };
// The WAF forwards the blocked payload into the alert title, exactly as the attacker typed it.
const XSS = { key: "og-alias:waf-xss-login", title: `WAF blocked XSS payload ${HTML_PROBE} in username field`, priority: "P4", service: "edge-waf" };
const PD = { key: "pd-incident:Q7SEC88", title: "Account lockouts spiking", priority: "P2", service: "login-api" };
const CPU = { key: "am-fingerprint:2c5f8a0e7d3b1964", name: "HighCPU", service: "login-api", title: "bcrypt worker pool saturated (CPU above 90% for 2m)", priority: "warning" };

// A deploy 18 minutes before on a service that does not serve logins.
s.change("03:20:10", "profile-service", 'profile-service v2.14.0 deployed to production by ci-bot (run #6610): "Avatar upload size limit".');
s.alert("03:38:12", "Datadog", DD);
s.alert("03:38:40", "Opsgenie", WAF);
s.alert("03:39:05", "PagerDuty", PD);
s.alert("03:40:02", "Opsgenie", XSS);
s.alert("03:41:30", "Alertmanager", CPU);
s.alert("03:43:05", "PagerDuty", { ...PD, kind: "escalate", actor: "Security on-call (Ines Duarte)" });
s.alert("03:44:50", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Ines Duarte" });
s.status("03:45:00", "Ines Duarte", "triggered", "investigating");
const volume = s.chat("03:46:10", "ines", "looking. 2.9k login attempts/s, 96% failing, from ~9,400 distinct IPs, mostly residential-proxy ASNs");
const stuffing = s.chat(
  "03:47:30",
  "ines",
  "usernames are real customer emails in alphabetical batches, one or two passwords each → credential stuffing with a leaked combo list, not brute force on one account",
);
s.chat("03:48:05", "felix", `WAF log sample: \`user=${HTML_PROBE}&pass=hunter2\` from 185.220.101.x — they're fuzzing the form too`);
s.chat("03:48:50", "felix", "profile-service 2.14.0 was deployed 03:20, related?");
const notDeploy = s.chat("03:49:20", "ines", "no, profile-service doesn't serve /api/login and the traffic is all external. credential stuffing, 37 accounts did log in successfully");
const agree = s.chat("03:50:02", "felix", "agree it's credential stuffing. same UA rotation as the march 2 wave, just 10x bigger");
s.status("03:52:00", "Ines Duarte", "investigating", "identified");
s.alert("03:53:30", "Opsgenie", { ...WAF, kind: "acknowledge", actor: "Felix Braun" });
s.note("03:55:40", "Ines Duarte", "Forcing password reset and revoking sessions for the 37 accounts with a successful login from the attacking IPs.");
s.change("04:01:40", "edge-waf", "Cloudflare WAF: rate limit POST /api/login to 10/min per IP + managed challenge for 212 proxy ASNs", { source: "Cloudflare", by: "Felix Braun" });
// No "root cause" marker here: the drafter has to recognise the attack from what people call it.
const summaryNote = s.note(
  "04:05:10",
  "Ines Duarte",
  "For the security review: credential stuffing against /api/login with a combo list from a third-party breach; no intrusion into our systems. 37 accounts compromised → reset.",
);
s.chat("04:06:15", "felix", "attempts down to ~60/s, almost all challenged");
s.alert("04:07:12", "Alertmanager", { ...CPU, kind: "resolve" });
s.chat("04:08:30", "gus", "morning 👋 just saw the page, what did I miss");
s.alert("04:09:40", "Datadog", { ...DD, kind: "resolve" });
s.alert("04:10:05", "Opsgenie", { ...WAF, kind: "resolve", actor: "Felix Braun" });
s.alert("04:10:09", "Opsgenie", { ...XSS, kind: "resolve", actor: "Felix Braun" });
s.status("04:12:00", "Ines Duarte", "identified", "monitoring");
s.metric(
  "login_api_attempts_per_second",
  "03:30",
  [
    30, 37, 43, 41, 47, 41, 37, 989, 2098, 2955, 3020, 2989, 3070, 3085, 2774,
    2917, 2933, 3094, 2795, 2909, 2872, 3066, 3160, 3083, 2956, 2807, 3113, 3181, 3152, 2981,
    3110, 3071, 50, 59, 63, 33, 61, 43, 49, 70, 72, 63, 52, 73, 59,
    64, 51, 52, 64, 62, 51, 58, 47, 40, 58, 66, 60, 61, 50, 45,
    61, 40, 53, 54, 47, 60,
  ],
  { source: "Datadog", unit: "req/s" },
);
s.metric(
  "login_api_failure_ratio",
  "03:30",
  [
    6, 7.9, 7.6, 6.1, 7.4, 9.1, 96.6, 92.2, 93, 93.7, 91, 94.2, 96.1, 93.4, 97.4,
    97, 90.6, 93.6, 96.6, 93.1, 94.7, 93.5, 92.3, 95.6, 91.8, 91.8, 95.2, 93.2, 93, 95.9,
    97.4, 94.7, 7.9, 7.4, 6.5, 7.3, 6.7, 9.9, 6.2, 8.3, 6.6, 8.1, 7, 7.2, 6.2,
    8.6, 9.8, 9.2, 6.6, 7.8, 9, 8.4, 9.3, 7.8, 8.4, 6.1, 6.6, 8.3, 8.1, 7.3,
    6, 6.9, 9.8, 9.9, 9.2, 6.2,
  ],
  { source: "Datadog", unit: "%" },
);
s.alert("04:31:28", "PagerDuty", { ...PD, kind: "resolve", actor: "Ines Duarte" });
s.status("04:31:45", "Ines Duarte", "monitoring", "resolved");
s.note("04:40:00", "Felix Braun", "Follow-ups: keep the login rate limit permanently; check passwords against breached-password lists at login; step-up MFA for logins from new ASNs; notify the 37 customers.");

export const scenario: Scenario = {
  name: "07 security event (credential stuffing)",
  description:
    "From 03:36 an attacker replayed a leaked email/password list against /api/login from ~9,400 proxy IPs: 96% of attempts failed, 37 accounts were taken over, and a WAF rate limit at 04:01 ended it. " +
    "Two responders and the incident note name it credential stuffing; the profile-service deploy at 03:20 is a red herring (it does not serve logins).",
  input: {
    incident: incident({
      key: "INC-4180",
      title: "Spike in failed logins and account lockouts",
      severity: "SEV2",
      category: "security",
      services: ["login-api", "edge-waf"],
      startedAt: at("03:38:12"),
      detectedAt: at("03:38:12"),
      acknowledgedAt: at("03:44:50"),
      resolvedAt: at("04:31:28"),
    }),
    evidence: s.evidence,
    now: at("08:00"),
  },
  truth: {
    rootCause: { keywords: ["credential stuffing"], evidenceIds: [volume.id, stuffing.id, notDeploy.id, agree.id, summaryNote.id] },
    // 03:38:12 → 03:44:50 is 6 m 38 s (7); → 04:31:28 is 53 m 16 s (53).
    impact: {
      durationMinutes: 53,
      timeToAcknowledgeMinutes: 7,
      timeToResolveMinutes: 53,
      peaks: [
        { series: "login_api_attempts_per_second", value: 3181 },
        { series: "login_api_failure_ratio", value: 97.4 },
      ],
    },
  },
};

import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s2", { channel: "Slack #inc-4133-orders", uploader: "Luis Ortega" });
const DB = { key: "am-fingerprint:51be07c2aa9e3f10", name: "PostgresPrimaryDown", service: "orders-db", title: "orders-db-0 is not accepting connections (pg_up == 0)", priority: "critical" };
const BOUNCER = { key: "am-fingerprint:0c4d8e11f2a7b390", name: "PgbouncerServerLoginFailures", service: "pgbouncer-orders", title: "pgbouncer-orders cannot open server connections to orders-db", priority: "warning" };
const API = { key: "am-fingerprint:9a2f61d0c3b84e57", name: "HighErrorRate", service: "orders-api", title: "5xx ratio above 2% for 1m", priority: "critical" };
const PD = { key: "pd-incident:Q7TR2M9", title: "Orders API 5xx above 2%", priority: "P1", service: "orders-api" };
const INV = { key: "dd-alert:40417:service:inventory-api", title: "inventory-api error rate above 5%", priority: "P2", service: "inventory-api" };

// Red herring: a config change 26 minutes before, on a service nothing in the alerts mentions.
s.change("01:48:10", "notifications-service", "notifications-service config: SMTP connection pool 20 → 40 (helm upgrade, revision 57).", { source: "Argo CD" });
// The database fires first; the services that depend on it follow over the next two minutes.
const dbDown = s.alert("02:14:05.220", "Alertmanager", DB);
const dbDownGrafana = s.alert("02:14:09", "Grafana", { ...DB, key: "grafana-fingerprint:5ae0917b" });
s.alert("02:14:52", "Alertmanager", BOUNCER);
s.alert("02:15:31", "Alertmanager", API);
s.alert("02:15:38", "PagerDuty", PD);
s.alert("02:16:12", "Datadog", INV);
s.alert("02:18:40", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Luis Ortega" });
s.alert("02:19:10", "PagerDuty", { ...PD, kind: "escalate", actor: "Hana Sato (DBA on-call)" });
s.status("02:19:30", "Luis Ortega", "triggered", "investigating");
s.chat("02:20:05", "luis", "paged. orders-api 500s, logs full of `FATAL: terminating connection due to administrator command`");
const patroni = s.chat(
  "02:21:30",
  "hana",
  "patroni: orders-db-1 took the leader lock at 02:14:38 after orders-db-0 missed 3 heartbeats. EBS vol-0a17c shows 100% io wait on orders-db-0 from 02:13",
);
const refused1 = s.chat("02:22:02", "luis", "pgbouncer-orders still has host=orders-db-0 in its ini?? every new server conn gets `connection refused` (10.0.4.17:5432)");
const refused2 = s.chat("02:22:47", "hana", "yes — pgbouncer is pinned to orders-db-0 instead of following the patroni leader. connection refused from orders-db-0 confirms it, the failover itself worked");
s.chat("02:23:15", "kofi", "inventory-api errors are the same thing, it reads orders through orders-api");
s.chat("02:24:00", "kofi", "fwiw the notifications-service change at 01:48 is only the SMTP pool size, different cluster");
s.status("02:25:12", "Luis Ortega", "investigating", "identified");
s.note("02:26:40", "Luis Ortega", "Plan: point pgbouncer-orders at orders-db-1 (new primary) and reload; leave orders-db-0 fenced for the DBA to inspect.");
s.chat("02:31:18", "kofi", `off-topic: the status page preview renders ${HTML_PROBE} literally from a test incident title, at least it's escaped`);
s.change("02:38:30", "pgbouncer-orders", "pgbouncer-orders: host=orders-db-1 (new primary), RELOAD issued by hana", { source: "Manual change", by: "Hana Sato" });
s.alert("02:39:50", "Alertmanager", { ...BOUNCER, kind: "resolve" });
s.chat("02:41:10", "luis", "errors dropping, orders-api back to normal");
s.alert("02:42:30.004", "Alertmanager", { ...API, kind: "resolve" });
s.alert("02:44:10", "Datadog", { ...INV, kind: "resolve" });
s.status("02:45:00", "Luis Ortega", "identified", "monitoring");
s.chat("02:47:22", "hana", "orders-db-0 stays down (PostgresPrimaryDown will keep firing until I rebuild it), replication to the new replica is catching up");
s.metric(
  "orders_api_http_5xx_per_second",
  "02:00",
  [
    0, 0.3, 0.3, 0.3, 0.1, 0.2, 0.4, 0.1, 0.1, 0.3, 0, 0.4, 0.2, 0.3, 0,
    40.1, 42.5, 61.5, 56.1, 64.9, 68.5, 64.2, 50.6, 59.3, 58.1, 54.3, 65.9, 52.1, 51.9, 63,
    53.8, 64, 50.1, 69.9, 60, 52.8, 50.1, 69.9, 66.5, 63.8, 61, 11.7, 0.2, 0.2, 0,
    0.3, 0.1, 0, 0.3, 0.3, 0, 0.4, 0.1, 0.2, 0.3, 0.1, 0.2, 0.1, 0.1, 0.2,
  ],
  { source: "Prometheus", unit: "req/s" },
);
s.metric(
  'pgbouncer_client_wait_seconds{pool="orders"}',
  "02:00",
  [
    0.002, 0.006, 0.004, 0.002, 0.005, 0.005, 0.002, 0.006, 0.006, 0.004, 0.004, 0.004, 0.003, 0.005, 3.134,
    1.923, 2.676, 1.772, 2.674, 2.981, 2.466, 2.565, 3.421, 1.611, 4.353, 3.103, 1.594, 3.04, 2.935, 2.998,
    2.659, 3.003, 2.775, 1.62, 3.158, 3.371, 2.331, 1.749, 1.547, 3.669, 3.99, 0.005, 0.004, 0.002, 0.004,
    0.002, 0.002, 0.005, 0.003, 0.005, 0.002, 0.005, 0.006, 0.003, 0.005, 0.003, 0.003, 0.002, 0.005, 0.003,
  ],
  { source: "Prometheus", unit: "s", labels: { pool: "orders" } },
);
s.alert("02:58:21", "PagerDuty", { ...PD, kind: "resolve", actor: "Luis Ortega" });
s.status("02:58:40", "Luis Ortega", "monitoring", "resolved");
s.note("03:05:15", "Hana Sato", "Follow-ups: make pgbouncer-orders follow the patroni leader (consul service address, not a host); replace the orders-db-0 EBS volume; page the DBA on PostgresPrimaryDown directly.");

export const scenario: Scenario = {
  name: "02 database failover (orders-db)",
  description:
    "The orders-db primary stalled on its EBS volume and Patroni promoted orders-db-1 at 02:14:38; PostgresPrimaryDown fired before every orders-api and inventory-api alert, and two responders quote `connection refused` from orders-db-0 because pgbouncer stayed pinned to it. " +
    "Repointing pgbouncer ended the errors. The notifications-service config change at 01:48 is a red herring (another service, not in any alert).",
  input: {
    incident: incident({
      key: "INC-4133",
      title: "Orders API returning 500s",
      severity: "SEV1",
      category: "outage",
      services: ["orders-api", "orders-db", "inventory-api"],
      startedAt: at("02:14:05.220"),
      detectedAt: at("02:14:05.220"),
      acknowledgedAt: at("02:18:40"),
      resolvedAt: at("02:58:21"),
    }),
    evidence: s.evidence,
    now: at("09:00"),
  },
  truth: {
    rootCause: { keywords: ["orders-db"], evidenceIds: [dbDown.id, dbDownGrafana.id, patroni.id, refused1.id, refused2.id] },
    // 02:14:05.2 → 02:18:40 is 4 m 34.8 s (5); → 02:58:21 is 44 m 15.8 s (44).
    impact: {
      durationMinutes: 44,
      timeToAcknowledgeMinutes: 5,
      timeToResolveMinutes: 44,
      peaks: [
        { series: "orders_api_http_5xx_per_second", value: 69.9 },
        { series: 'pgbouncer_client_wait_seconds{pool="orders"}', value: 4.353 },
      ],
    },
  },
};

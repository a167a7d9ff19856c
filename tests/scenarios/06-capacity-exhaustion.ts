import { at, HTML_PROBE, incident, story, type Scenario } from "./scenario";

const s = story("s6", { channel: "Slack #inc-4171-storefront", uploader: "Olu Adeyemi" });
const HPA = { key: "am-fingerprint:b7c93e1f05a2d468", name: "KubeHpaMaxedOut", service: "catalog-api", title: "HPA catalog-api has been running at max replicas (40) for 5m", priority: "warning" };
const CRASH = { key: "am-fingerprint:6e2a0d9c4b1f8357", name: "KubePodCrashLooping", service: "catalog-api", title: "Pod catalog-api-7d9f6c-xk2pq is crash looping (last state: OOMKilled)", priority: "critical" };
const DD = { key: "dd-alert:83341:service:storefront-web", title: "storefront-web p99 latency above 2s", priority: "P2", service: "storefront-web" };
const PD = { key: "pd-incident:Q6CAP07", title: "Storefront degraded: product pages timing out", priority: "P2", service: "storefront-web" };

// A deploy 34 minutes before the first alert, on a service that never alerts.
s.change("18:31:20", "reviews-service", 'reviews-service v3.0.2 deployed to production by ci-bot (run #2291): "Paginate review photos".');
const hpaAlert = s.alert("19:05:40", "Alertmanager", HPA);
const crashAlert = s.alert("19:06:50.118", "Alertmanager", CRASH);
s.alert("19:06:53", "Grafana", { ...CRASH, key: "grafana-fingerprint:0b8e44d2" });
s.alert("19:07:30", "Datadog", DD);
s.alert("19:07:58", "PagerDuty", PD);
s.alert("19:09:22", "PagerDuty", { ...PD, kind: "acknowledge", actor: "Olu Adeyemi" });
s.status("19:09:40", "Olu Adeyemi", "triggered", "investigating");
s.chat("19:10:05", "olu", "storefront traffic is ~4x normal. #marketing says a TV spot aired at 19:00, nobody told us");
const oom1 = s.chat("19:11:20", "wen", "catalog-api pods keep restarting: `Last State: Terminated  Reason: OOMKilled  Exit Code: 137`");
const hpaChat = s.chat("19:12:05", "olu", "HPA for catalog-api is pinned at maxReplicas 40, CPU target 70% but pods sit at 180%");
const oom2 = s.chat("19:12:40", "wen", "OOMKilled on 23 of 40 catalog-api pods in the last 10 min. limit is 1Gi and the product cache grows with request rate");
s.chat("19:13:30", "marco", "reviews-service 3.0.2 went out at 18:31, related?");
s.chat("19:14:00", "wen", "no, reviews is its own deployment and isn't erroring. it's catalog-api memory + the replica cap");
s.status("19:15:10", "Olu Adeyemi", "investigating", "identified");
s.chat("19:16:20", "marco", `marketing's landing page shows ${HTML_PROBE} in the UTM preview lol, not ours`);
s.note("19:18:00", "Olu Adeyemi", "Raising catalog-api HPA maxReplicas 40 → 90 and memory limit 1Gi → 1536Mi; cluster autoscaler has headroom for ~60 more nodes.");
s.change("19:21:45", "catalog-api", "kubectl apply: HPA catalog-api maxReplicas 40 → 90; deployment catalog-api memory limit 1Gi → 1536Mi", { source: "Manual change", by: "Olu Adeyemi" });
s.chat("19:24:30", "wen", "new pods scheduling, 52 ready");
s.chat("19:29:02", "olu", "78 replicas, OOMs stopped, storefront p99 back under 400 ms");
s.alert("19:30:05", "Alertmanager", { ...HPA, kind: "resolve" });
s.alert("19:31:10", "Alertmanager", { ...CRASH, kind: "resolve" });
s.alert("19:31:14", "Grafana", { ...CRASH, key: "grafana-fingerprint:0b8e44d2", kind: "resolve" });
s.status("19:32:00", "Olu Adeyemi", "identified", "monitoring");
s.alert("19:33:27", "Datadog", { ...DD, kind: "resolve" });
s.chat("19:35:50", "marco", "anyone else's laptop fan screaming from the grafana tabs?");
s.metric(
  "storefront_requests_per_second",
  "18:45",
  [
    1050, 1053, 1061, 1167, 1110, 1093, 1154, 1099, 1102, 1052, 1097, 1132, 1133, 1063, 1081,
    1087, 1600, 2055, 2730, 3167, 3599, 4114, 4655, 4413, 4818, 4589, 4548, 4412, 4495, 4762,
    4614, 4720, 4727, 4569, 4808, 4640, 4626, 4507, 4641, 4479, 4460, 4740, 4627, 4763, 4565,
    4550, 4538, 4667, 4815, 4855, 4762, 4667, 4264, 4297, 4010, 3977, 3961, 4001, 3823, 3706,
    3833, 3493, 3310, 3459, 3037, 3192,
  ],
  { source: "Prometheus", unit: "req/s" },
);
s.metric(
  'kube_deployment_status_replicas_ready{deployment="catalog-api"}',
  "18:45",
  [
    12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
    12, 17, 22, 27, 32, 37, 40, 39, 40, 40, 40, 40, 39, 40, 40,
    36, 38, 40, 40, 34, 33, 40, 46, 52, 58, 64, 70, 76, 78, 78,
    78, 78, 78, 78, 78, 78, 78, 78, 78, 78, 78, 76, 74, 72, 70,
    68, 66, 64, 62, 60, 58,
  ],
  { source: "Prometheus", labels: { deployment: "catalog-api" } },
);
// Pods that were just OOMKilled report nothing for a scrape: NaN gaps.
s.metric(
  "catalog_api_pod_memory_working_set_mib_max",
  "18:45",
  [
    610, 621, 634, 646, 633, 642, 649, 641, 642, 645, 616, 639, 624, 617, 625,
    933, 920, 949, 902, 910, 923, 918, 895, 968, 924, 908, 994, 908, 910, 905,
    930, 883, 956, 1022, NaN, NaN, 1002, 974, 952, 902, 968, 1008, 963, 955, 905,
    970, 995, 988, 922, 959, 935, 912, 1018, 938, 976, 959, 978, 966, 934, 998,
    1019, 994, 963, 912, 919, 914,
  ],
  { source: "Prometheus", unit: "MiB" },
);
s.alert("19:46:02", "PagerDuty", { ...PD, kind: "resolve", actor: "Olu Adeyemi" });
s.status("19:46:20", "Olu Adeyemi", "monitoring", "resolved");
s.note("19:52:00", "Wen Li", "Follow-ups: bound the catalog-api product cache by size; alert at 80% of HPA maxReplicas; marketing events go on the capacity calendar with a load-test the week before.");

export const scenario: Scenario = {
  name: "06 capacity exhaustion (catalog-api)",
  description:
    "A TV spot quadrupled storefront traffic at 19:00; catalog-api hit its HPA ceiling of 40 replicas (first alert) and its pods were OOMKilled at the 1Gi limit, so product pages timed out. " +
    "Raising maxReplicas and the memory limit ended it. The reviews-service deploy at 18:31 is a red herring (another service, never alerting), and the 19:21 catalog-api change is the fix, not the cause.",
  input: {
    incident: incident({
      key: "INC-4171",
      title: "Storefront slow during traffic surge",
      severity: "SEV2",
      category: "degradation",
      services: ["catalog-api", "storefront-web"],
      startedAt: at("19:05:40"),
      detectedAt: at("19:05:40"),
      acknowledgedAt: at("19:09:22"),
      resolvedAt: at("19:46:02"),
    }),
    evidence: s.evidence,
    now: at("21:00"),
  },
  truth: {
    rootCause: { keywords: ["catalog-api"], evidenceIds: [hpaAlert.id, crashAlert.id, oom1.id, hpaChat.id, oom2.id] },
    // 19:05:40 → 19:09:22 is 3 m 42 s (4); → 19:46:02 is 40 m 22 s (40).
    impact: {
      durationMinutes: 40,
      timeToAcknowledgeMinutes: 4,
      timeToResolveMinutes: 40,
      peaks: [
        { series: "storefront_requests_per_second", value: 4855 },
        { series: 'kube_deployment_status_replicas_ready{deployment="catalog-api"}', value: 78 },
        { series: "catalog_api_pod_memory_working_set_mib_max", value: 1022 },
      ],
    },
  },
};

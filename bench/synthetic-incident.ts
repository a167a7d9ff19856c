import type { DraftEvidence, DraftInput } from "@/lib/drafting/types";

const SERVICES = ["checkout-api", "payments-service", "orders-db", "search-api", "auth-service"];
const PEOPLE = ["dana", "raj", "priya", "kofi", "alex"];

/** A large incident with the usual mix: flapping alerts, chat, metric series, changes and notes. */
export function buildSyntheticIncident(size: number, options: { quietShare?: number } = {}): DraftInput {
  // With quietShare, the first part of the incident has changes and chat but no alert yet, so
  // many changes precede the first alert (the root-cause ranking's expensive case).
  const quietUntil = Math.floor(size * (options.quietShare ?? 0));
  const start = Date.UTC(2026, 10, 29, 9, 0, 0);
  const evidence: DraftEvidence[] = [];
  for (let i = 0; i < size; i += 1) {
    const at = new Date(start + i * 1_500);
    const service = SERVICES[i % SERVICES.length]!;
    const id = `e${i}`;
    const slot = i % 20;
    if (slot < 6 && i >= quietUntil) {
      evidence.push({ id, at, kind: slot % 2 ? "resolve" : "trigger", text: `[${slot % 2 ? "RESOLVED" : "FIRING"}] HighErrorRate ${service}`, source: "Alertmanager", authorType: "machine", authorName: null, data: { title: `HighErrorRate ${service}`, services: [service], alertKey: `am-fingerprint:${service}` } });
    } else if (slot < 16 || slot < 6) {
      const who = PEOPLE[i % PEOPLE.length]!;
      const text = i % 7 === 0 ? `seeing connection refused from ${service}, rolling back now` : `looking at ${service} dashboards, error rate ${(i % 13) / 10}%`;
      evidence.push({ id, at, kind: "chat_message", text, source: "Slack #inc-bench", authorType: "human", authorName: null, data: { author: who } });
    } else if (slot < 18) {
      const points = Array.from({ length: 60 }, (_, p) => [new Date(start + p * 60_000).toISOString(), (p * 7 + i) % 100 / 100] as [string, number]);
      evidence.push({ id, at, kind: "metric_sample", text: `${service}_5xx_ratio`, source: "Prometheus", authorType: "machine", authorName: null, data: { series: `${service}_5xx_ratio_${i}`, points } });
    } else if (slot === 18) {
      evidence.push({ id, at, kind: "change", text: `${service} v1.${i}.0 deployed`, source: "GitHub Deployments", authorType: "machine", authorName: null, data: { service } });
    } else {
      evidence.push({ id, at, kind: "note", text: `Follow-up: add a canary for ${service}; restarted ${service} pods`, source: "Sitrep", authorType: "human", authorName: "Dana Whitfield", data: {} });
    }
  }
  return {
    incident: {
      key: "INC-BENCH",
      title: "Synthetic benchmark incident",
      severity: "SEV2",
      category: "outage",
      status: "resolved",
      services: SERVICES,
      startedAt: new Date(start),
      detectedAt: new Date(start),
      acknowledgedAt: new Date(start + 180_000),
      resolvedAt: new Date(start + size * 1_500),
    },
    evidence,
    now: new Date(start + size * 1_500 + 60_000),
  };
}

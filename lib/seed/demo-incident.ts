import type { Prisma } from "@/generated/prisma/client";
import type { EvidenceKind } from "@/generated/prisma/enums";

type DemoEntry = { minutes: number; kind: EvidenceKind; source: string; text: string; by?: "commander" | "responder"; data?: Prisma.InputJsonObject };

/** A realistic first incident: a deploy, the alerts it caused, the chat that found it, the rollback. */
export const DEMO_TIMELINE: DemoEntry[] = [
  { minutes: 0, kind: "change", source: "GitHub Deployments", text: "payments-service v2.31.0 deployed to production by ci-bot (run #8812): \"Tune DB connection pool\".", data: { service: "payments-service" } },
  {
    minutes: 5,
    kind: "metric_sample",
    source: "Grafana",
    text: "checkout-api 5xx rate 12.4% (baseline 0.2%), 1,870 failed requests/min.",
    data: { series: "checkout_api_http_5xx_ratio", value: 0.124, window: "5m" },
  },
  { minutes: 6, kind: "trigger", source: "Alertmanager", text: "[FIRING:1] HighErrorRate checkout-api (severity=critical): 5xx ratio > 5% for 5m.", data: { title: "HighErrorRate checkout-api", services: ["checkout-api"], severity: "SEV1" } },
  { minutes: 7, kind: "trigger", source: "PagerDuty", text: "Incident triggered: Checkout API returning 502s (service: Checkout, urgency: high).", data: { title: "Checkout API returning 502s", services: ["checkout-api"], severity: "SEV2" } },
  { minutes: 9, kind: "acknowledge", source: "PagerDuty", text: "Acknowledged by Dana Whitfield." },
  {
    minutes: 12,
    kind: "chat_message",
    source: "Slack #inc-checkout",
    by: "commander",
    text: "Envoy logs show `upstream connect error or disconnect/reset before headers. reset reason: connection termination` from payments-service.",
  },
  { minutes: 16, kind: "chat_message", source: "Slack #inc-checkout", by: "responder", text: "payments-service v2.31.0 went out at the start of this; it halves the DB pool to 10 connections." },
  { minutes: 19, kind: "note", source: "Sitrep", by: "commander", text: "Rolling back payments-service to v2.30.4." },
  { minutes: 24, kind: "change", source: "GitHub Deployments", text: "payments-service v2.30.4 deployed to production by dana (rollback).", data: { service: "payments-service" } },
  {
    minutes: 27,
    kind: "metric_sample",
    source: "Grafana",
    text: "checkout-api 5xx rate back to 0.3%.",
    data: { series: "checkout_api_http_5xx_ratio", value: 0.003, window: "5m" },
  },
  { minutes: 29, kind: "status_change", source: "Sitrep", by: "commander", text: "Status changed from identified to monitoring.", data: { from: "identified", status: "monitoring" } },
];

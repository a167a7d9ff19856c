import type { Sender } from "@/generated/prisma/enums";
import { parseAlertmanager } from "@/lib/ingest/alertmanager/parse";
import { parseDatadog } from "@/lib/ingest/datadog/parse";
import { parseGrafana } from "@/lib/ingest/grafana/parse";
import { parseOpsgenie } from "@/lib/ingest/opsgenie/parse";
import { parsePagerDuty } from "@/lib/ingest/pagerduty/parse";
import type { SenderParser } from "@/lib/ingest/types";

export type WebhookSender = Extract<Sender, "pagerduty" | "opsgenie" | "alertmanager" | "grafana" | "datadog">;

export type SenderSpec = {
  label: string;
  parse: SenderParser;
  /** How deliveries prove who sent them. */
  auth: "signature" | "token" | "signature-or-token";
  /** Environment variables that supply secrets and tokens besides Settings. */
  env: { secrets?: string; tokens?: string };
};

export const SENDERS: Record<WebhookSender, SenderSpec> = {
  pagerduty: { label: "PagerDuty", parse: parsePagerDuty, auth: "signature", env: { secrets: "PAGERDUTY_WEBHOOK_SECRETS" } },
  opsgenie: { label: "Opsgenie", parse: parseOpsgenie, auth: "token", env: { tokens: "OPSGENIE_WEBHOOK_TOKEN" } },
  alertmanager: { label: "Alertmanager", parse: parseAlertmanager, auth: "token", env: { tokens: "ALERTMANAGER_WEBHOOK_TOKEN" } },
  grafana: {
    label: "Grafana",
    parse: parseGrafana,
    auth: "signature-or-token",
    env: { secrets: "GRAFANA_WEBHOOK_SECRET", tokens: "GRAFANA_WEBHOOK_TOKEN" },
  },
  datadog: { label: "Datadog", parse: parseDatadog, auth: "token", env: { tokens: "DATADOG_WEBHOOK_TOKEN" } },
};

export function isWebhookSender(value: string): value is WebhookSender {
  return Object.hasOwn(SENDERS, value);
}

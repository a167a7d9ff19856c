// Grafana Alerting (unified alerting, v9+) webhook contact point payload, version "1", as documented at
// https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/
// (field tables "Body" and "Alert"); Grafana strips private labels such as __alert_rule_uid__ before
// sending (removePrivateItems in grafana/alerting templates/template_data.go).
import { createHash } from "node:crypto";
import { z } from "zod";
import { describeAlert, firstNonEmpty, isZeroTime, labelSetSchema, parseAlertGroup, rfc3339Schema } from "../alert-group";
import { toJsonSafe } from "../json-safe";
import type { ParsedAlertEvent, SenderParser } from "../types";

// Values are float64 in Grafana; a huge integral one arrives as bigint from lossless-json.
const numberish = z.union([z.number(), z.bigint()]);

// Keys follow the order Grafana marshals them in, so the first issue zod reports is the first bad field.
const alertSchema = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: labelSetSchema,
  annotations: labelSetSchema.nullish(),
  startsAt: rfc3339Schema,
  endsAt: rfc3339Schema,
  values: z.record(z.string(), numberish).nullish(),
  generatorURL: z.string().nullish(),
  fingerprint: z.string().min(1),
  silenceURL: z.string().nullish(),
  dashboardURL: z.string().nullish(),
  panelURL: z.string().nullish(),
  imageURL: z.string().nullish(),
  valueString: z.string().nullish(),
});

const notificationSchema = z.object({
  receiver: z.string(),
  status: z.string(),
  alerts: z.array(alertSchema),
  groupLabels: labelSetSchema.nullish(),
  commonLabels: labelSetSchema.nullish(),
  commonAnnotations: labelSetSchema.nullish(),
  externalURL: z.string().nullish(),
  version: z.literal("1"),
  groupKey: z.string().min(1),
  truncatedAlerts: z.number().int().min(0).nullish(),
  orgId: numberish.nullish(),
  title: z.string().nullish(),
  state: z.string().nullish(),
  message: z.string().nullish(),
});

type GrafanaAlert = z.infer<typeof alertSchema>;
type GrafanaNotification = z.infer<typeof notificationSchema>;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Rule UIDs appear in generatorURL: /alerting/grafana/<uid>/view (v9.1+) or /alerting/<uid>/edit. */
// UIDs are [A-Za-z0-9_-], so nothing needs decoding and a hostile %-sequence cannot throw.
function findRuleUid(alert: GrafanaAlert): string | null {
  const fromLabel = firstNonEmpty(alert.labels.__alert_rule_uid__);
  if (fromLabel) return fromLabel;
  const url = alert.generatorURL ?? "";
  const match = /\/alerting\/grafana\/([\w-]+)\/view/.exec(url) ?? /\/alerting\/([\w-]+)\/edit/.exec(url);
  return match?.[1] ?? null;
}

/**
 * Names the rule instance from what the payload shows. Grafana's fingerprint also hashes private
 * labels it strips before sending, so it cannot be recomputed or checked from the payload.
 */
function ruleKey(alert: GrafanaAlert): string {
  const visible = Object.entries(alert.labels)
    .filter(([name]) => !(name.startsWith("__") && name.endsWith("__")))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rule = findRuleUid(alert) ?? firstNonEmpty(alert.labels.alertname) ?? "unnamed";
  return `gf-rule:${rule}+${sha256(JSON.stringify(visible)).slice(0, 16)}`;
}

function toEvent(alert: GrafanaAlert, notification: GrafanaNotification): ParsedAlertEvent {
  const firing = alert.status === "firing";
  const when = firing ? alert.startsAt : alert.endsAt;
  const labels = alert.labels;
  const annotations = alert.annotations ?? {};
  const alertname = firstNonEmpty(labels.alertname);
  const summary = firstNonEmpty(annotations.summary);
  const service = firstNonEmpty(labels.service, labels.app);
  return {
    kind: firing ? "trigger" : "resolve",
    occurredAt: new Date(when),
    externalKeys: [`gf-fingerprint:${alert.fingerprint}`, ruleKey(alert), `gf-group:${notification.groupKey}`],
    // startsAt/endsAt as sent: a repeat of the same firing dedupes, a re-fire (new startsAt) does not.
    dedupeKey: `gf:${alert.fingerprint}:${alert.status}:${when}`,
    title: summary ?? alertname,
    services: service ? [service] : [],
    priority: firstNonEmpty(labels.severity),
    text: describeAlert(alert.status, alertname ?? alert.fingerprint, service, summary),
    url: firstNonEmpty(alert.generatorURL, alert.panelURL),
    actor: null,
    data: {
      fingerprint: alert.fingerprint,
      ruleUid: findRuleUid(alert),
      status: alert.status,
      labels,
      annotations,
      values: toJsonSafe(alert.values ?? null),
      valueString: firstNonEmpty(alert.valueString),
      startsAt: alert.startsAt,
      endsAt: isZeroTime(alert.endsAt) ? null : alert.endsAt,
      silenceURL: firstNonEmpty(alert.silenceURL),
      dashboardURL: firstNonEmpty(alert.dashboardURL),
      panelURL: firstNonEmpty(alert.panelURL),
      imageURL: firstNonEmpty(alert.imageURL),
      receiver: notification.receiver,
      orgId: toJsonSafe(notification.orgId ?? null),
      groupKey: notification.groupKey,
      groupLabels: notification.groupLabels ?? {},
      externalURL: notification.externalURL ?? null,
      truncatedAlerts: notification.truncatedAlerts ?? 0,
    },
  };
}

/** Legacy (pre-unified, removed in Grafana 11) alerting: {ruleId, ruleName, state, evalMatches, …}. */
function isLegacyPayload(body: unknown): body is Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  return record.version === undefined && ("ruleId" in record || "evalMatches" in record);
}

// Legacy retries resend the same bytes, so the content itself identifies the delivery.
const hashLegacy = (body: Record<string, unknown>) => `legacy:${sha256(JSON.stringify(toJsonSafe(body)))}`;

/** One Grafana notification → one event per alert: firing → trigger, resolved → resolve. */
export const parseGrafana: SenderParser = ({ body }) => {
  if (isLegacyPayload(body)) {
    return {
      ok: true,
      deliveryId: hashLegacy(body),
      events: [],
      ignoredReason:
        "Grafana legacy alerting payload (ruleId/state) carries no event time; use a Grafana Alerting webhook contact point",
    };
  }
  return parseAlertGroup(body, { version: "1", sender: "Grafana", schema: notificationSchema, toEvent });
};

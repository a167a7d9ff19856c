// Prometheus Alertmanager webhook_config payload, version "4", as documented at
// https://prometheus.io/docs/alerting/latest/configuration/#webhook_config (the JSON body block).
// Alertmanager zeroes endsAt ("0001-01-01T00:00:00Z") for alerts still firing
// (types.Alerts() in prometheus/alertmanager: "if the end timestamp is not reached yet, do not expose it").
import { createHash } from "node:crypto";
import { z } from "zod";
import { describeInvalidField, invalidField } from "../invalid-field";
import type { ParsedAlertEvent, ParseOutcome, SenderParser } from "../types";

export const labelSetSchema = z.record(z.string(), z.string());
export const rfc3339Schema = z.iso.datetime({ offset: true });

// Keys follow the documented payload order, so the first issue zod reports is the first bad field.
const alertSchema = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: labelSetSchema,
  annotations: labelSetSchema.nullish(),
  startsAt: rfc3339Schema,
  endsAt: rfc3339Schema,
  generatorURL: z.string().nullish(),
  fingerprint: z.string().min(1),
});

const notificationSchema = z.object({
  version: z.literal("4"),
  groupKey: z.string().min(1),
  truncatedAlerts: z.number().int().min(0).nullish(),
  status: z.string(),
  receiver: z.string(),
  groupLabels: labelSetSchema.nullish(),
  commonLabels: labelSetSchema.nullish(),
  commonAnnotations: labelSetSchema.nullish(),
  externalURL: z.string().nullish(),
  alerts: z.array(alertSchema),
});

type AlertmanagerAlert = z.infer<typeof alertSchema>;
type Invalid = Extract<ParseOutcome, { ok: false }>;

/** Go's zero time.Time: what Alertmanager and Grafana send as endsAt while an alert fires. */
export function isZeroTime(value: string): boolean {
  return value.startsWith("0001-01-01T00:00:00");
}

export function firstNonEmpty(...values: (string | null | undefined)[]): string | null {
  return values.find((value): value is string => typeof value === "string" && value.trim() !== "") ?? null;
}

/**
 * Checks the payload's version before its shape: another version may lay fields out differently,
 * so its field errors would mislead.
 */
export function checkVersion(body: unknown, expected: string, sender: string): Invalid | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return invalidField("body", `must be a JSON object (the ${sender} webhook payload)`);
  }
  const version = (body as Record<string, unknown>).version;
  if (version === undefined) return invalidField("version", "is required");
  if (version !== expected) {
    const shown = typeof version === "bigint" ? version.toString() : JSON.stringify(version);
    return invalidField("version", `${shown} is not supported: Sitrep reads ${sender} payload version "${expected}"`);
  }
  return null;
}

/**
 * Identity of a notification: its group and what it says about each alert. A retry, or a repeat
 * notification whose alerts have not changed state, gives the same id; annotation text (often a
 * templated current value) is deliberately left out.
 */
export function deriveDeliveryId(
  groupKey: string,
  alerts: { fingerprint: string; status: string; startsAt: string; endsAt: string }[],
): string {
  const facts = alerts.map((a) => `${a.fingerprint}:${a.status}:${a.startsAt}:${a.endsAt}`).sort();
  return createHash("sha256").update(JSON.stringify([groupKey, facts])).digest("hex");
}

/** Timeline text is one line; a multi-line summary is folded, while title keeps it as sent. */
export function describeAlert(status: string, name: string, service: string | null, summary: string | null): string {
  const head = `[${status.toUpperCase()}] ${name}${service ? ` ${service}` : ""}`;
  return summary ? `${head}: ${summary.replace(/\s+/g, " ").trim()}` : head;
}

function toEvent(alert: AlertmanagerAlert, notification: z.infer<typeof notificationSchema>): ParsedAlertEvent {
  const firing = alert.status === "firing";
  const when = firing ? alert.startsAt : alert.endsAt;
  const labels = alert.labels;
  const annotations = alert.annotations ?? {};
  const alertname = firstNonEmpty(labels.alertname);
  const summary = firstNonEmpty(annotations.summary);
  const service = firstNonEmpty(labels.service, labels.job, labels.app);
  return {
    kind: firing ? "trigger" : "resolve",
    occurredAt: new Date(when),
    externalKeys: [`am-fingerprint:${alert.fingerprint}`, `am-group:${notification.groupKey}`],
    // startsAt/endsAt as sent: a repeat of the same firing dedupes, a re-fire (new startsAt) does not.
    dedupeKey: `am:${alert.fingerprint}:${alert.status}:${when}`,
    title: summary ?? alertname,
    services: service ? [service] : [],
    priority: firstNonEmpty(labels.severity),
    text: describeAlert(alert.status, alertname ?? alert.fingerprint, service, summary),
    url: firstNonEmpty(alert.generatorURL),
    actor: null,
    data: {
      fingerprint: alert.fingerprint,
      status: alert.status,
      labels,
      annotations,
      startsAt: alert.startsAt,
      endsAt: isZeroTime(alert.endsAt) ? null : alert.endsAt,
      receiver: notification.receiver,
      groupKey: notification.groupKey,
      groupLabels: notification.groupLabels ?? {},
      externalURL: notification.externalURL ?? null,
      truncatedAlerts: notification.truncatedAlerts ?? 0,
    },
  };
}

/** One Alertmanager notification → one event per alert: firing → trigger, resolved → resolve. */
export const parseAlertmanager: SenderParser = ({ body }) => {
  const wrongVersion = checkVersion(body, "4", "Alertmanager");
  if (wrongVersion) return wrongVersion;
  const parsed = notificationSchema.safeParse(body);
  if (!parsed.success) return describeInvalidField(parsed.error, body);
  const notification = parsed.data;

  const unresolved = notification.alerts.findIndex((a) => a.status === "resolved" && isZeroTime(a.endsAt));
  if (unresolved >= 0) {
    return invalidField(`alerts.${unresolved}.endsAt`, "must be set on a resolved alert");
  }

  const deliveryId = deriveDeliveryId(notification.groupKey, notification.alerts);
  if (notification.alerts.length === 0) {
    return { ok: true, deliveryId, events: [], ignoredReason: "notification carries no alerts" };
  }
  return { ok: true, deliveryId, events: notification.alerts.map((alert) => toEvent(alert, notification)) };
};

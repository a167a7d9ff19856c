// Prometheus Alertmanager webhook_config payload, version "4", as documented at
// https://prometheus.io/docs/alerting/latest/configuration/#webhook_config (the JSON body block).
// Alertmanager zeroes endsAt ("0001-01-01T00:00:00Z") for alerts still firing
// (types.Alerts() in prometheus/alertmanager: "if the end timestamp is not reached yet, do not expose it").
import { z } from "zod";
import { describeAlert, firstNonEmpty, isZeroTime, labelSetSchema, parseAlertGroup, rfc3339Schema } from "../alert-group";
import type { ParsedAlertEvent, SenderParser } from "../types";

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
export const parseAlertmanager: SenderParser = ({ body }) => parseAlertGroup(body, { version: "4", sender: "Alertmanager", schema: notificationSchema, toEvent });

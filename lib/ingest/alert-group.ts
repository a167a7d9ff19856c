import { createHash } from "node:crypto";
import { z } from "zod";
import { describeInvalidField, invalidField } from "./invalid-field";
import type { ParsedAlertEvent, ParseOutcome } from "./types";

// Alertmanager and Grafana Alerting send the same grouped-notification shape (Grafana's is
// Alertmanager's with extra fields), so they share these pieces and the parsing flow.

export const labelSetSchema = z.record(z.string(), z.string());
export const rfc3339Schema = z.iso.datetime({ offset: true });

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

type AlertLike = { status: string; startsAt: string; endsAt: string; fingerprint: string };
type NotificationLike = { groupKey: string; alerts: AlertLike[] };

/** Version check, shape check, the resolved-needs-endsAt rule, the delivery id, one event per alert. */
export function parseAlertGroup<N extends NotificationLike>(
  body: unknown,
  options: { version: string; sender: string; schema: z.ZodType<N>; toEvent: (alert: N["alerts"][number], notification: N) => ParsedAlertEvent },
): ParseOutcome {
  const wrongVersion = checkVersion(body, options.version, options.sender);
  if (wrongVersion) return wrongVersion;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) return describeInvalidField(parsed.error, body);
  const notification = parsed.data;
  const unresolved = notification.alerts.findIndex((a) => a.status === "resolved" && isZeroTime(a.endsAt));
  if (unresolved >= 0) return invalidField(`alerts.${unresolved}.endsAt`, "must be set on a resolved alert");
  const deliveryId = deriveDeliveryId(notification.groupKey, notification.alerts);
  if (notification.alerts.length === 0) return { ok: true, deliveryId, events: [], ignoredReason: "notification carries no alerts" };
  return { ok: true, deliveryId, events: notification.alerts.map((alert) => options.toEvent(alert, notification)) };
}

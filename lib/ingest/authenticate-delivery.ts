import type { IntegrationCredentials } from "@/lib/ingest/find-integration-credentials";
import { verifyGrafanaSignature } from "@/lib/ingest/grafana/verify-signature";
import { verifyPagerDutySignature } from "@/lib/ingest/pagerduty/verify-signature";
import { SENDERS, type WebhookSender } from "@/lib/ingest/senders";
import { extractPresentedTokens, matchesAnyToken } from "@/lib/ingest/verify-token";

export type DeliveryAuth = { ok: true } | { ok: false; reason: string };

/** Checks a delivery's signature or token against the integration. Reasons never echo a secret. */
export function authenticateDelivery(
  sender: WebhookSender,
  credentials: IntegrationCredentials,
  delivery: { body: Buffer; headers: Record<string, string>; now: Date },
): DeliveryAuth {
  const { auth, label } = SENDERS[sender];
  if (!credentials.enabled) return { ok: false, reason: `The ${label} integration is disabled in Settings → Integrations.` };
  if (credentials.secrets.length === 0 && credentials.tokens.length === 0) {
    return { ok: false, reason: `The ${label} integration has no secret or token configured, so it accepts nothing. An ADMIN sets one in Settings → Integrations.` };
  }
  if (sender === "pagerduty") return verifyPagerDutySignature({ body: delivery.body, headers: delivery.headers, secrets: credentials.secrets });
  const hasGrafanaSignature = delivery.headers["x-grafana-alerting-signature"] !== undefined || delivery.headers["x-grafana-alert-signature"] !== undefined;
  // A signed delivery is checked by its signature when a secret is configured; otherwise its token counts.
  if (auth === "signature-or-token" && hasGrafanaSignature && credentials.secrets.length > 0) {
    return verifyGrafanaSignature({ body: delivery.body, headers: delivery.headers, secrets: credentials.secrets, now: delivery.now });
  }
  const presented = extractPresentedTokens(delivery.headers, credentials.tokenHeader);
  if (presented.length === 0) {
    const where = credentials.tokenHeader ? `, basic auth or the ${credentials.tokenHeader} header` : " or basic auth";
    return { ok: false, reason: `Missing token: send it as Authorization: Bearer <token>${where}.` };
  }
  return matchesAnyToken(presented, credentials.tokens) ? { ok: true } : { ok: false, reason: "The token does not match." };
}

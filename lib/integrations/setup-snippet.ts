import type { WebhookSender } from "@/lib/ingest/senders";

const PAGERDUTY_EVENTS = [
  "incident.triggered",
  "incident.acknowledged",
  "incident.escalated",
  "incident.reassigned",
  "incident.priority_updated",
  "incident.annotated",
  "incident.resolved",
  "incident.reopened",
];

/** Copy-paste set-up instructions for pointing a sender at Sitrep (pure; shown in Settings and the README). */
export function buildSetupSnippet(sender: WebhookSender, url: string, options: { datadogTemplate?: string } = {}): string {
  switch (sender) {
    case "pagerduty":
      return [
        "PagerDuty → Integrations → Generic Webhooks (v3) → + New Webhook",
        `  Webhook URL:  ${url}`,
        "  Scope type:   Account (or the services Sitrep should hear about)",
        `  Events:       ${PAGERDUTY_EVENTS.join(", ")}`,
        "Copy the signing secret PagerDuty shows once, and add it here as a secret",
        "(or set PAGERDUTY_WEBHOOK_SECRETS; comma-separate several while rotating).",
      ].join("\n");
    case "opsgenie":
      return [
        "Opsgenie → Settings → Integrations → Add integration → Webhook",
        `  Webhook URL:            ${url}`,
        "  Add Alert Description to Payload: on",
        "  Custom headers:         Authorization = Bearer <token from this page>",
        "  Alert actions:          Create, Acknowledge, AddNote, Close, Escalate, AssignOwnership, UpdatePriority",
      ].join("\n");
    case "alertmanager":
      return [
        "# alertmanager.yml",
        "receivers:",
        "  - name: sitrep",
        "    webhook_configs:",
        `      - url: ${url}`,
        "        send_resolved: true",
        "        http_config:",
        "          authorization:",
        "            type: Bearer",
        "            credentials: <token from this page>",
        "route:",
        "  receiver: sitrep   # or add it as a child route",
      ].join("\n");
    case "grafana":
      return [
        "Grafana → Alerting → Contact points → + Add contact point → Integration: Webhook",
        `  URL:           ${url}`,
        "  HTTP method:   POST",
        "  Either  Authorization header: scheme Bearer, credentials <token from this page>",
        "  Or      HMAC signature: secret <secret added here>, header X-Grafana-Alerting-Signature,",
        "          timestamp header X-Grafana-Alerting-Timestamp (stale timestamps are refused)",
      ].join("\n");
    case "datadog":
      return [
        "Datadog → Integrations → Webhooks → + New",
        "  Name:           sitrep   (then mention @webhook-sitrep in your monitors)",
        `  URL:            ${url}`,
        '  Custom headers: {"Authorization": "Bearer <token from this page>"}',
        "  Payload:",
        ...(options.datadogTemplate ?? "").split("\n").map((line) => `    ${line}`),
      ].join("\n");
  }
}

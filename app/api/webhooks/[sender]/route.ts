import { handleWebhookRequest } from "@/lib/ingest/handle-webhook-request";

/** POST /api/webhooks/{pagerduty|opsgenie|alertmanager|grafana|datadog} */
export async function POST(request: Request, context: { params: Promise<{ sender: string }> }): Promise<Response> {
  return handleWebhookRequest(request, (await context.params).sender);
}

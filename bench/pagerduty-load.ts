import autocannon from "autocannon";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { BENCH_PAGERDUTY_SECRET } from "./app-server";

const TEMPLATE = JSON.parse(readFileSync("tests/fixtures/webhooks/pagerduty/01-triggered.json", "utf8")) as {
  event: { id: string; event_type: string; occurred_at: string; data: Record<string, unknown> };
};

/** A PagerDuty v3 delivery with a distinct event id, on one of `incidents` PagerDuty incidents (an alert storm: many events, few incidents). */
export function buildPagerDutyDelivery(options: { pdIncidentId: string; title: string; eventType?: string; service?: string }): { body: Buffer; headers: Record<string, string> } {
  const event = structuredClone(TEMPLATE.event);
  event.id = randomUUID();
  event.event_type = options.eventType ?? "incident.triggered";
  event.occurred_at = new Date().toISOString();
  const service = options.service ? { ...(event.data.service as object), id: `S${options.service}`, summary: options.service } : event.data.service;
  event.data = { ...event.data, service, id: options.pdIncidentId, title: options.title, incident_key: options.pdIncidentId, html_url: `https://acme-shop.pagerduty.com/incidents/${options.pdIncidentId}` };
  const body = Buffer.from(JSON.stringify({ event }));
  return { body, headers: { "content-type": "application/json", "x-pagerduty-signature": `v1=${createHmac("sha256", BENCH_PAGERDUTY_SECRET).update(body).digest("hex")}` } };
}

const UPDATES = ["incident.acknowledged", "incident.escalated", "incident.priority_updated"];

export type LoadResult = {
  seconds: number;
  accepted: number;
  acceptedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  statusCodes: Record<string, number>;
};

/** Signed PagerDuty webhooks at `connections` concurrent senders (optionally capped at `rate` requests/s), by autocannon. */
export async function runPagerDutyLoad(baseUrl: string, options: { connections: number; seconds: number; rate?: number; incidents?: number; runId: string }): Promise<LoadResult> {
  const incidents = options.incidents ?? 20;
  let sent = 0;
  const result = await autocannon({
    url: `${baseUrl}/api/webhooks/pagerduty`,
    method: "POST",
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const seq = sent++;
          const n = seq % incidents;
          // Each PagerDuty incident triggers once; the storm after that is its updates.
          const eventType = seq < incidents ? "incident.triggered" : UPDATES[seq % UPDATES.length];
          const delivery = buildPagerDutyDelivery({ pdIncidentId: `PBENCH${options.runId}${n}`, title: `Bench storm ${options.runId} #${n}: checkout 502s`, eventType });
          return { ...request, body: delivery.body.toString("utf8"), headers: delivery.headers };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count]));
  const accepted = statusCodes["202"] ?? 0;
  return {
    seconds: options.seconds,
    accepted,
    acceptedPerSecond: accepted / options.seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + (result.non2xx ?? 0),
    statusCodes,
  };
}

/**
 * The framework's floor on this machine: the same app, concurrency and body, on a webhook path
 * that answers 404 (unknown sender) before reading the body or touching the database.
 */
export async function runFrameworkFloor(baseUrl: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const body = buildPagerDutyDelivery({ pdIncidentId: "PFLOOR", title: "Framework floor" }).body.toString("utf8");
  const result = await autocannon({ url: `${baseUrl}/api/webhooks/no-such-sender`, method: "POST", body, headers: { "content-type": "application/json" }, connections: options.connections, duration: options.seconds, timeout: 10 });
  const answered = result.statusCodeStats?.["404"]?.count ?? 0;
  return { seconds: options.seconds, accepted: answered, acceptedPerSecond: answered / options.seconds, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.timeouts, statusCodes: {} };
}

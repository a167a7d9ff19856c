import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { DraftSections } from "@/lib/drafting/types";
import { parseLlmConfig } from "@/lib/drafting/llm/config";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { createMigratedDatabase } from "../helpers/migrated-database";
import { createWebhookClient, readFixture, signPagerDuty } from "../helpers/webhooks";

const PD_SECRET = "pd-signing-secret-for-llm-drafts";
let db: Db;
let drop: () => Promise<void>;
let server: Server;
let baseURL: string;
let reply: (prompt: string) => { status: number; content: string } = () => ({ status: 500, content: "" });
const prompts: string[] = [];

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase());
  // A local server speaking OpenAI's chat-completions API: the real SDK, real HTTP, no mock objects.
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const prompt = (JSON.parse(body) as { messages: { content: string }[] }).messages.map((m) => m.content).join("\n");
      prompts.push(prompt);
      const { status, content } = reply(prompt);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status === 200 ? { id: "c1", object: "chat.completion", created: 0, model: "local", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } } : { error: { message: "overloaded" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const client = createWebhookClient(db);
  await db.integration.create({ data: { sender: "pagerduty", name: "PagerDuty", secrets: [PD_SECRET] } });
  const body = readFixture("pagerduty", "01-triggered.json");
  await client.post("pagerduty", body, { "x-pagerduty-signature": signPagerDuty(body, PD_SECRET) });
  await client.drain();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await drop();
});

const llm = (timeoutMs = 2000) =>
  parseLlmConfig({ AI_PROVIDER: "openai-compatible", AI_MODEL: "local-model", AI_BASE_URL: baseURL, AI_API_KEY: "test-key", AI_TIMEOUT_MS: String(timeoutMs) });

describe("the LLM writer inside re-drafting", () => {
  it("uses the model's prose when it passes every check, and records who wrote it", async () => {
    const incident = await db.incident.findFirstOrThrow({ include: { timeline: true } });
    const trigger = incident.timeline[0]!;
    reply = () => ({ status: 200, content: JSON.stringify({ statements: [{ ref: "summary.0", text: "Checkout API returned 502s; checkout-api was hit first.", citations: [trigger.id] }] }) });
    const result = await redraftIncident(db, incident.id, { llm: llm(), now: new Date("2026-11-29T09:20:00Z") });
    expect(result.writer).toMatchObject({ kind: "llm", model: expect.stringContaining("local-model") });
    const revision = await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report" } });
    expect((revision.sections as unknown as DraftSections).summary.statements[0]).toEqual({ text: "Checkout API returned 502s; checkout-api was hit first.", citations: [trigger.id] });
    expect(revision.meta).toMatchObject({ writer: { kind: "llm" } });
    // The model saw this incident's evidence id.
    expect(prompts.at(-1)).toContain(trigger.id);
  });

  it("keeps the deterministic draft, and says why, when the model cites foreign evidence or the provider fails", async () => {
    const incident = await db.incident.findFirstOrThrow();
    reply = () => ({ status: 200, content: JSON.stringify({ statements: [{ ref: "summary.0", text: "Invented.", citations: ["someone-elses-evidence"] }] }) });
    const foreign = await redraftIncident(db, incident.id, { llm: llm(), now: new Date("2026-11-29T09:21:00Z") });
    expect(foreign.writer).toMatchObject({ kind: "deterministic", fallbackReason: expect.stringContaining("someone-elses-evidence") });
    const summary = ((await db.reportRevision.findFirstOrThrow({ where: { incidentId: incident.id, kind: "report" } })).sections as unknown as DraftSections).summary;
    expect(summary.statements[0]!.text).not.toBe("Invented.");
    reply = () => ({ status: 500, content: "" });
    // The SDK retries a 500 once after a back-off, so give it time to report the provider's error.
    const failed = await redraftIncident(db, incident.id, { llm: llm(15_000), now: new Date("2026-11-29T09:22:00Z") });
    expect(failed.writer).toMatchObject({ kind: "deterministic", fallbackReason: expect.stringMatching(/provider error/) });
  });
});

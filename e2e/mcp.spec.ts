import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_COMMANDER, E2E_REVIEW_INCIDENTS } from "./fixtures/accounts";
import { readE2eIncidents, readE2eTokens } from "./fixtures/api-tokens";
import { signIn } from "./fixtures/sign-in";

type Answer = { isError?: boolean; content: { type: string; text: string }[] };

async function connect(baseURL: string, token: string): Promise<Client> {
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", baseURL), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}
const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Answer;
const json = <T>(answer: Answer) => JSON.parse(answer.content[0]!.text) as T;

test("an agent's proposed revision reaches the review queue as machine text, and the commander approves it", async ({ page, baseURL }) => {
  const { agent: key } = readE2eIncidents();
  const tokens = readE2eTokens();
  const stamp = Date.now();
  const wording = `Agent-e2e-${stamp}: checkout failed for 40 minutes after the v2.31.0 deploy.`;

  // A read-only agent reads but may not write.
  const reader = await connect(baseURL!, tokens.agentRead);
  expect((await reader.listTools()).tools.map((t) => t.name)).toContain("propose_revision");
  const incident = json<{ evidence: { id: string; kind: string }[] }>(await call(reader, "get_incident", { key }));
  const trigger = incident.evidence.find((e) => e.kind === "trigger")!;
  const refused = await call(reader, "propose_revision", { key, sections: { summary: { statements: [{ text: wording, citations: [trigger.id] }] } } });
  expect(refused.isError).toBe(true);
  expect(refused.content[0]!.text).toContain("read-only");
  await reader.close();

  // The proposing agent adds a finding and proposes the summary, citing it.
  const agent = await connect(baseURL!, tokens.agentPropose);
  expect(json<{ added: number }>(await call(agent, "add_evidence", { key, kind: "finding", text: `Agent-e2e-${stamp}: the DB pool was halved by v2.31.0`, source: "code search" })).added).toBe(1);
  const finding = json<{ id: string; text: string }[]>(await call(agent, "search_evidence", { key, query: `Agent-e2e-${stamp}` }))[0]!;
  const proposed = json<{ number: number }>(await call(agent, "propose_revision", { key, sections: { summary: { statements: [{ text: wording, citations: [trigger.id, finding.id] }] } }, note: "Named the deploy" }));
  expect(proposed.number).toBe(2);
  await agent.close();

  // An agent's token is for MCP only: the REST API refuses it.
  const rest = await page.request.get(`/api/incidents/${key}`, { headers: { authorization: `Bearer ${tokens.agentPropose}` } });
  expect(rest.status()).toBe(403);
  expect(await rest.text()).toContain("/api/mcp");

  // The commander finds it in the queue, labelled as the agent's, and approves it.
  await signIn(page, E2E_COMMANDER.email);
  await page.goto("/queue");
  // Only the newest report waits: r1, which the proposal was built on, is superseded.
  const row = page.getByTestId("queue").getByRole("listitem").filter({ hasText: E2E_REVIEW_INCIDENTS.agent }).filter({ hasText: /Report r\d/ });
  await expect(row).toContainText("Report r2");
  await expect(row).toContainText("proposed by agent e2e-claude (machine text)");
  await page.goto(`/incidents/${key}/review`);
  await expect(page.getByText(/Proposed by an agent \(token e2e-claude/)).toBeVisible();
  const summary = page.getByTestId("section-summary");
  await expect(summary.getByText("agent proposal · machine text")).toBeVisible();
  await expect(summary.getByRole("textbox").first()).toHaveValue(wording);
  await page.getByRole("button", { name: "Approve r2" }).click();
  await expect(page.getByTestId("revision-state")).toContainText("approved");

  // The audit log names the agent's token for its writes, and a person for the approval.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, E2E_ADMIN.email);
  const audit = (await (await page.request.get(`/api/audit?incident=${key}`)).json()) as { data: { events: { action: string; actorType: string; actorLabel: string }[] } };
  const byAction = (action: string) => audit.data.events.filter((e) => e.action === action);
  expect(byAction("revision.propose")).toEqual([expect.objectContaining({ actorType: "token", actorLabel: expect.stringContaining("e2e-claude") })]);
  expect(byAction("evidence.add")).toEqual(expect.arrayContaining([expect.objectContaining({ actorType: "token" })]));
  expect(byAction("revision.approve")).toEqual([expect.objectContaining({ actorType: "user", actorLabel: E2E_COMMANDER.email })]);
});

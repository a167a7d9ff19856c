import type { Outcome } from "./access-table";
import type { MatrixWorld, Principal } from "./matrix-world";
import { importEntry, type EntryPoint } from "./route-list";
import { enterRequest } from "./request-scope";

/**
 * Well-formed bodies where a route checks the caller only after the shape (so a refusal for the
 * caller is not hidden behind a 422). Every other write gets `{}`: a caller let through is then
 * refused for the input (4xx), which still proves it got past the permission check.
 */
const BODIES: Record<string, unknown> = {
  "POST /api/revisions/[id]/presence": { version: 1 },
  "POST /api/mcp": { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} },
};

function paramValue(entry: EntryPoint & { path: string }, name: string, principal: Principal, world: MatrixWorld): string | string[] {
  if (name === "key") return world.key;
  if (name === "section") return "summary";
  if (name === "sender") return "pagerduty";
  if (name === "token") return principal.kind === "share-link" ? world.shareToken : world.forgedShareToken;
  if (name === "nextauth") return [entry.kind === "route" && entry.method === "POST" ? "signout" : "session"];
  if (name === "id" && entry.path.includes("/revisions/")) return world.draftRevisionId;
  if (name === "id" && entry.path.includes("/raw-events/")) return world.rawEventId;
  if (name === "id" && entry.path.includes("/outbox/")) return world.deliveryId;
  throw new Error(`No value for [${name}] in ${entry.id}: add one to tests/helpers/security/exercise.ts`);
}

function routeParams(entry: EntryPoint & { path: string }, principal: Principal, world: MatrixWorld) {
  const params: Record<string, string | string[]> = {};
  for (const [, name] of entry.path.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)) params[name!] = paramValue(entry, name!, principal, world);
  const url = entry.path.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => [params[name]].flat().map((v) => encodeURIComponent(v!)).join("/"));
  return { params, url: `http://sitrep.test${url}` };
}

/** What Next.js's redirect(), forbidden() and notFound() throw says about the outcome. */
function classifyThrown(error: unknown): Outcome {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) {
    return new URL(digest.split(";")[2] ?? "/", "http://sitrep.test").pathname === "/login" ? "login" : "allowed";
  }
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "not-found";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;401") return "unauthenticated";
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

async function classifyResponse(response: Response): Promise<Outcome> {
  if (response.status === 401) return "unauthenticated";
  if (response.status === 403) return "forbidden";
  if (response.status === 404) return "not-found";
  if (response.status >= 500) return `error: ${response.status} ${(await response.text()).slice(0, 300)}`;
  return "allowed";
}

/** Calls one entry point as one principal, in-process, the way Next.js would, and says what came of it. */
export async function exercise(entry: EntryPoint, principal: Principal, world: MatrixWorld): Promise<Outcome> {
  const mod = await importEntry(entry);
  enterRequest(principal.headers);
  try {
    if (entry.kind === "page") {
      const { params } = routeParams(entry, principal, world);
      await (mod.default as (props: object) => Promise<unknown>)({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
      return "allowed";
    }
    if (entry.kind === "route") {
      const { params, url } = routeParams(entry, principal, world);
      const hasBody = !["GET", "HEAD"].includes(entry.method);
      const headers = { ...principal.headers, ...(hasBody && { "content-type": "application/json" }), accept: "application/json, text/event-stream" };
      const request = new Request(url, { method: entry.method, headers, body: hasBody ? JSON.stringify(BODIES[entry.id] ?? {}) : undefined });
      const handler = mod[entry.method] as (request: Request, context: { params: Promise<object> }) => Promise<Response>;
      return await classifyResponse(await handler(request, { params: Promise.resolve(params) }));
    }
    const action = mod[entry.name] as (...args: unknown[]) => Promise<unknown>;
    const args = entry.arity === 0 ? [] : entry.arity === 1 ? [new FormData()] : [{}, new FormData()];
    const state = (await action(...args)) as { error?: string } | undefined;
    // runAction turns a verb's FORBIDDEN into form state; its message is assertCan's.
    return state?.error && /does not allow|read-only/.test(state.error) ? "forbidden" : "allowed";
  } catch (error) {
    return classifyThrown(error);
  }
}

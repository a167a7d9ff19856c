import { randomUUID } from "node:crypto";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { isTransactionConflict } from "@/lib/database/is-transaction-conflict";
import { recordPermissionDenial } from "@/lib/audit/record-permission-denial";
import type { Ctx } from "@/lib/context";
import { isAppError } from "@/lib/errors";

const text = (value: unknown): CallToolResult["content"] => [{ type: "text", text: JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2) }];

/** A refusal as the agent reads it: a code it can branch on and a reason it can act on; nothing was written. */
function refusal(code: string, message: string, details?: Record<string, unknown>): CallToolResult {
  return { isError: true, content: text({ error: { code, message, ...(details && { details }) } }) };
}

/**
 * Runs one tool call's lib verb and shapes the answer as MCP content. Typed errors and invalid
 * input become tool errors with the reason (so the model can correct itself); anything else is
 * logged with a reference and never shown.
 */
export async function runTool(body: () => Promise<unknown>, guard?: () => Promise<void>, ctx?: Ctx): Promise<CallToolResult> {
  try {
    // A long-lived connection (stdio) checks its token again on every call, so revoking it takes effect at once.
    await guard?.();
    return { content: text(await body()) };
  } catch (error) {
    if (isAppError(error)) {
      // A scope or role refusal is evidence too, as it is for the REST API: who tried what.
      if (ctx && error.code === "FORBIDDEN" && typeof error.details?.permission === "string") {
        await recordPermissionDenial(ctx.db, ctx.actor, { what: `MCP tool call (${error.details.permission})`, permission: error.details.permission, requestId: ctx.requestId });
      }
      return refusal(error.code, error.message, error.details);
    }
    if (error instanceof z.ZodError) return refusal("UNPROCESSABLE", z.prettifyError(error), { issues: error.issues.slice(0, 10) });
    if (isTransactionConflict(error)) return refusal("CONFLICT", "Someone changed this at the same moment; call the tool again.");
    const reference = randomUUID();
    console.error(`[mcp] tool call ${reference} failed`, error);
    return refusal("INTERNAL", `Something went wrong on Sitrep's side (reference ${reference}).`);
  }
}

import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { readQuery } from "@/lib/http/read-query";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";

const formatSchema = z.enum(["csv", "jsonl"], { error: "format must be csv or jsonl." });
const TYPES = { csv: "text/csv; charset=utf-8", jsonl: "application/x-ndjson; charset=utf-8" };

/** GET /api/audit/export?format=csv|jsonl&…filters: the filtered log, oldest first, streamed. */
export const GET = apiRoute("audit.read", async (ctx, request) => {
  const { format: rawFormat, ...filter } = readQuery(request);
  const format = formatSchema.parse(rawFormat ?? "jsonl");
  const chunks = exportAuditEvents(ctx, { format, filter });
  // The first chunk is read before answering, so a bad filter is a 422 and not a broken download.
  const first = await chunks.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The 200 is already sent: abort the body, so the download fails instead of looking complete.
        console.error(`[api] request ${ctx.requestId} audit export aborted: ${error instanceof Error ? error.name : "error"}`);
        controller.error(error);
        await chunks.return(undefined);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const name = `sitrep-audit-${new Date().toISOString().slice(0, 19).replaceAll(":", "")}.${format}`;
  return new Response(body, { headers: { "content-type": TYPES[format], "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
});

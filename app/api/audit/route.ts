import { apiRoute } from "@/lib/http/api-route";
import { readQuery } from "@/lib/http/read-query";
import { listAuditEvents } from "@/lib/audit/list-audit-events";

/** GET /api/audit?actor=&action=&incident=&from=&to=&before=&limit=: the audit log, newest first, a page at a time. */
export const GET = apiRoute("audit.read", async (ctx, request) => {
  const { filter, events, nextBefore } = await listAuditEvents(ctx, readQuery(request));
  return { filter, events, nextBefore };
});

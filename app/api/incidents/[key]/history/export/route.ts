import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { readQuery } from "@/lib/http/read-query";
import { buildEvidencePack } from "@/lib/history/build-evidence-pack";
import { renderEvidencePackHtml } from "@/lib/history/render-evidence-pack";

const formatSchema = z.enum(["json", "html"], { error: "format must be json or html." });

/** GET /api/incidents/INC-42/history/export?format=json|html: the incident's evidence pack, as a download. */
export const GET = apiRoute<{ key: string }>("drafts.read", async (ctx, request, params) => {
  const format = formatSchema.parse(readQuery(request).format ?? "json");
  const pack = await buildEvidencePack(ctx, { key: params.key });
  const headers = {
    // The key is canonical (INC-<digits>), so it is safe inside the quoted filename.
    "content-disposition": `attachment; filename="${pack.incident.key}-evidence.${format}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
  if (format === "json") return new Response(`${JSON.stringify(pack, null, 2)}\n`, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
  const html = await renderEvidencePackHtml(pack);
  // Even opened in place, the page may run nothing and load nothing: its only style is inline.
  return new Response(html, { headers: { ...headers, "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" } });
});

import { render } from "@react-email/render";
import type { EvidencePack } from "@/lib/history/build-evidence-pack";
import { EvidencePackDocument } from "@/lib/history/evidence-pack-document";

/**
 * The evidence pack as a self-contained, printable HTML page (print it to PDF from any browser).
 * React's server renderer escapes every value; React Email's render is the one already used for
 * the emails and works inside route handlers. It prefixes an XHTML doctype meant for mail
 * clients; a browser document wants the HTML5 one.
 */
export async function renderEvidencePackHtml(pack: EvidencePack): Promise<string> {
  const html = await render(<EvidencePackDocument pack={pack} />);
  return html.replace(/^<!DOCTYPE[^>]*>/i, "<!DOCTYPE html>");
}

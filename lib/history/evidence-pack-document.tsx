import type { ReactNode } from "react";
import type { EvidencePack } from "@/lib/history/build-evidence-pack";
import { SECTION_TITLES, type RevisionKind } from "@/lib/history/diff-revisions";
import { sectionLines } from "@/lib/reviews/section-lines";

// Self-contained and printable: no scripts, no external assets, every value rendered as text by React (escaped).
const CSS = `
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid #cbd5e1;padding-bottom:.25rem}h3{font-size:1rem;margin:1.25rem 0 .25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #e2e8f0;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f1f5f9;font-weight:600}
.mono{font-family:ui-monospace,Menlo,monospace;font-size:11px;word-break:break-all}.muted{color:#475569}.voided{color:#b91c1c;font-weight:600}.failed{color:#b91c1c}.sent{color:#047857}
ul{margin:.25rem 0;padding-left:1.25rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.75rem 0}dt{color:#475569}dd{margin:0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

const when = (value: Date | string | null | undefined) => (value ? `${new Date(value).toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");
const kindName = (kind: RevisionKind) => (kind === "report" ? "Report" : "Status update");

function Table({ headers, children }: { headers: string[]; children: ReactNode }) {
  return (
    <table>
      <thead>
        <tr>{headers.map((h) => <th key={h}>{h}</th>)}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The evidence pack as one printable HTML page (the JSON beside it is the complete record). */
export function EvidencePackDocument({ pack }: { pack: EvidencePack }) {
  const { incident } = pack;
  const numbers = new Map(pack.evidence.map((e) => [e.id, e.n]));
  const label = (id: string) => String(numbers.get(id) ?? "?");
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone file, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <title>{`${incident.key} evidence pack`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <p className="mono muted">{incident.key} · evidence pack ({pack.format})</p>
        <h1>{incident.title}</h1>
        <p className="muted">Generated {when(pack.generatedAt)} by {pack.generatedBy.label} ({pack.generatedBy.role}). Times are UTC. The JSON pack holds the complete record, including full audit fields for re-verifying each hash.</p>
        <dl>
          <dt>Severity · status · category</dt><dd>{incident.severity} · {incident.status} · {incident.category}</dd>
          <dt>Services</dt><dd>{incident.services.join(", ") || "—"}</dd>
          <dt>Commander</dt><dd>{incident.commander ? `${incident.commander.name} <${incident.commander.email}>` : "unassigned"}</dd>
          <dt>Started · acknowledged · resolved</dt><dd>{when(incident.corrected.startedAt ?? incident.startedAt)} · {when(incident.corrected.acknowledgedAt ?? incident.acknowledgedAt)} · {when(incident.corrected.resolvedAt ?? incident.resolvedAt)}</dd>
          {incident.mergedInto && <><dt>Merged into</dt><dd>{incident.mergedInto}</dd></>}
          {incident.mergedFrom.length > 0 && <><dt>Merged from</dt><dd>{incident.mergedFrom.join(", ")}</dd></>}
        </dl>

        <h2>History ({pack.thread.length} entries, oldest first)</h2>
        <Table headers={["Time", "Who", "What"]}>
          {pack.thread.map((item) => (
            <tr key={item.id}>
              <td className="mono">{when(item.at)}</td>
              <td>{item.actor ? `${item.actor.label} (${item.actor.kind}${item.actor.detail ? `, ${item.actor.detail}` : ""})` : "—"}</td>
              <td>
                <strong className={item.voided && item.kind === "approval" ? "voided" : undefined}>{item.title}{item.voided && item.kind === "approval" ? " — VOIDED" : ""}</strong>
                {item.details.length > 0 && <ul>{item.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}
                {item.changedLines && <div className="muted">+{item.changedLines.added} / −{item.changedLines.removed} lines in {item.changedLines.section}</div>}
                {item.deliveries.map((group) => (
                  <div key={`${group.revisionId}-${group.template}`}>
                    <div className="muted">{group.template.replace("_", " ")}: “{group.subject}” — {group.counts.sent} sent, {group.counts.failed} failed, {group.counts.queued + group.counts.sending} pending</div>
                    <ul>{group.recipients.map((r) => <li key={r.id}><span className={r.status}>{r.status}</span> {r.recipient} ({r.reason}){r.lastError ? ` — ${r.lastError}` : ""}</li>)}</ul>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </Table>

        <h2>Revisions ({pack.revisions.length})</h2>
        {pack.revisions.map((r) => {
          const sections = (r.sections ?? {}) as Record<string, unknown>;
          const names = [...Object.keys(SECTION_TITLES[r.kind]).filter((n) => Object.hasOwn(sections, n)), ...Object.keys(sections).filter((n) => !Object.hasOwn(SECTION_TITLES[r.kind], n))];
          return (
            <section key={r.id}>
              <h3>{kindName(r.kind)} r{r.number} — {r.state.replace("_", " ")}</h3>
              <p className="muted">{r.authorType === "human" ? `Written by ${r.author?.name ?? r.authorToken ?? "a person"}` : "Drafted by the machine"} · created {when(r.createdAt)} · last changed {when(r.updatedAt)}{r.basedOn ? ` · based on r${r.basedOn}` : ""} · content <span className="mono">{r.contentHash}</span></p>
              {r.rejectedReason && <p>Rejected: {r.rejectedReason}</p>}
              {names.map((name) => (
                <div key={name}>
                  <strong>{SECTION_TITLES[r.kind][name] ?? name}</strong>
                  <ul>{sectionLines(name, sections[name], label).map((line, i) => <li key={i}>{line}</li>)}</ul>
                </div>
              ))}
            </section>
          );
        })}

        <h2>Approvals ({pack.approvals.length})</h2>
        <Table headers={["Revision", "Approver", "Approved", "Standing", "Content hash"]}>
          {pack.approvals.map((a) => (
            <tr key={a.id}>
              <td>{kindName(a.revision.kind)} r{a.revision.number}</td>
              <td>{a.approver.name} &lt;{a.approver.email}&gt;</td>
              <td className="mono">{when(a.createdAt)}</td>
              <td className={a.voidedAt ? "voided" : undefined}>{a.voidedAt ? `VOIDED ${when(a.voidedAt)}: ${a.voidReason ?? "no reason recorded"}` : "standing"}</td>
              <td className="mono">{a.contentHash}</td>
            </tr>
          ))}
        </Table>

        <h2>Deliveries ({pack.deliveries.length})</h2>
        <Table headers={["Revision", "Template", "Recipient", "Status", "Attempts", "Sent", "Subject", "Message-ID", "Last error"]}>
          {pack.deliveries.map((d) => (
            <tr key={d.id}>
              <td>{kindName(d.revision.kind)} r{d.revision.number}</td>
              <td>{d.template.replace("_", " ")}</td>
              <td>{d.recipient}<div className="muted">{d.reason}</div></td>
              <td className={d.status}>{d.status}</td>
              <td>{d.attempts}</td>
              <td className="mono">{when(d.sentAt)}</td>
              <td>{d.subject}</td>
              <td className="mono">{d.messageId}</td>
              <td>{d.lastError ?? "—"}</td>
            </tr>
          ))}
        </Table>

        <h2>Audit events ({pack.auditEvents.length})</h2>
        <Table headers={["#", "Time", "Actor", "Action", "Previous hash", "Hash"]}>
          {pack.auditEvents.map((e) => (
            <tr key={e.id}>
              <td className="mono">{e.id}</td>
              <td className="mono">{when(e.at)}</td>
              <td>{e.actorType} {e.actorLabel}</td>
              <td className="mono">{e.action}</td>
              <td className="mono">{e.prevHash}</td>
              <td className="mono">{e.hash}</td>
            </tr>
          ))}
        </Table>

        <h2>Evidence ({pack.evidence.length})</h2>
        <Table headers={["#", "Time", "Kind", "Source", "Text"]}>
          {pack.evidence.map((e) => (
            <tr key={e.id}>
              <td className="mono">{e.n}</td>
              <td className="mono">{when(e.at)}</td>
              <td>{e.kind}{e.hidden ? " (hidden)" : ""}</td>
              <td>{e.source}{e.author ? ` · ${e.author}` : ""}</td>
              <td>{e.text}</td>
            </tr>
          ))}
        </Table>
      </body>
    </html>
  );
}

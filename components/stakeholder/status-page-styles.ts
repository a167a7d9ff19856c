/**
 * The share link's page carries its own stylesheet, inline: it is served as plain HTML by a route
 * handler (ADR 0014), which cannot link the App Router's hashed Tailwind build. It reproduces that
 * look with the semantic class names the stakeholder components carry beside their Tailwind ones
 * (Tailwind's slate scale, the badges' colours), minus the Geist webfont: system fonts read as well
 * at 3 a.m. and cost nothing. Dark mode follows the system on screens; print is light, full width, without the poll note.
 */
export const STATUS_PAGE_CSS = `
:root { color-scheme: light dark; --bg: #f8fafc; --fg: #0f172a; --body: #1e293b; --muted: #64748b; --soft: #475569; --strong: #334155; --line: #e2e8f0;
  --sans: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media screen and (prefers-color-scheme: dark) { :root { --bg: #020617; --fg: #f1f5f9; --body: #e2e8f0; --soft: #94a3b8; --strong: #cbd5e1; --line: #1e293b; } }
*, ::before, ::after { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 var(--sans); -webkit-font-smoothing: antialiased; }
h1, h2, h3, p, dl, dd, ol, ul { margin: 0; padding: 0; }
ol, ul { list-style: none; }
a { color: inherit; text-decoration: none; }
a:hover { text-decoration: underline; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1rem; overflow-wrap: break-word; }
.share-note { margin-bottom: 1.5rem; font-size: .75rem; line-height: 1rem; color: var(--muted); }
.muted, .meta, .impact dt { color: var(--muted); }
.meta { font-size: .75rem; line-height: 1rem; }

.stakeholder-view > * + * { margin-top: 2rem; }
.incident-key { font: .875rem/1.25rem var(--mono); color: var(--muted); }
.incident-title { margin-top: .25rem; font-size: 1.5rem; line-height: 2rem; font-weight: 600; letter-spacing: -.025em; }
.incident-facts { margin-top: .75rem; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; font-size: .875rem; line-height: 1.25rem; }
.incident-facts > span:last-child, .services { color: var(--soft); }
.services, .merged { margin-top: .5rem; font-size: .875rem; line-height: 1.25rem; }
.refresh { margin-top: .75rem; }
.auto-refresh { font-size: .75rem; line-height: 1rem; color: var(--muted); }
.stakeholder-view h2 { margin-bottom: .25rem; font-size: 1.125rem; line-height: 1.75rem; font-weight: 600; }
#sent-updates-heading { margin-bottom: .75rem; }
.stakeholder-view h2 + .meta { margin-bottom: 1rem; }
.stakeholder-view h2 + .muted { font-size: .875rem; line-height: 1.25rem; }

.badge { display: inline-flex; align-items: center; font-size: .75rem; line-height: 1rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.severity { border-radius: .25rem; padding: .125rem .375rem; font-family: var(--mono); font-weight: 600; }
.severity-sev1 { background: #dc2626; color: #fff; } .severity-sev2 { background: #f97316; color: #fff; } .severity-sev3 { background: #fcd34d; color: #451a03; }
.severity-sev4 { background: #bae6fd; color: #082f49; } .severity-sev5 { background: #e2e8f0; color: #1e293b; }
.status { border: 1px solid; border-radius: 9999px; padding: .125rem .5rem; font-weight: 500; text-transform: capitalize; }
.status-triggered { border-color: #fca5a5; background: #fef2f2; color: #991b1b; } .status-investigating { border-color: #fdba74; background: #fff7ed; color: #9a3412; }
.status-identified { border-color: #fcd34d; background: #fffbeb; color: #78350f; } .status-monitoring { border-color: #7dd3fc; background: #f0f9ff; color: #075985; }
.status-resolved { border-color: #6ee7b7; background: #ecfdf5; color: #065f46; }
@media screen and (prefers-color-scheme: dark) {
  .status-triggered { border-color: #991b1b; background: #450a0a; color: #fecaca; } .status-investigating { border-color: #9a3412; background: #431407; color: #fed7aa; }
  .status-identified { border-color: #92400e; background: #451a03; color: #fde68a; } .status-monitoring { border-color: #075985; background: #082f49; color: #bae6fd; }
  .status-resolved { border-color: #065f46; background: #022c22; color: #a7f3d0; }
}

.approved-report > * + * { margin-top: 1.5rem; }
.report-section h3 { margin-bottom: .5rem; font-size: 1rem; line-height: 1.5rem; font-weight: 600; }
.report-body { font-size: .875rem; line-height: 1.625; color: var(--body); }
.lines > * + * { margin-top: .5rem; }
.impact { margin-bottom: .5rem; display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
.figures { margin-bottom: .5rem; padding-left: 1.25rem; list-style: disc; }
.timeline > li { display: grid; grid-template-columns: 7.5rem 1fr; gap: .75rem; }
.timeline > li + li, .action-items > li + li, .sources > li + li { margin-top: .25rem; }
.when { font: .75rem/1rem var(--mono); font-variant-numeric: tabular-nums; color: var(--muted); padding-top: .125rem; }
.action-title { font-weight: 500; }
.sources { font-size: .75rem; line-height: 1rem; color: var(--soft); }
.notes { margin-left: .125rem; font-family: var(--mono); font-size: .75rem; color: var(--muted); }
.notes a { margin-left: .125rem; }
.updates > li + li { margin-top: 1rem; }
.update { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; font-size: .875rem; line-height: 1.25rem; }
.update .meta { margin-bottom: .5rem; }
.update-kind { font-weight: 600; color: var(--strong); }
.update .lines + .lines { margin-top: .5rem; }

.problem { max-width: 32rem; padding: 6rem 1.5rem; text-align: center; }
.problem-code { font-size: .875rem; line-height: 1.25rem; font-weight: 600; letter-spacing: .025em; color: var(--muted); }
.problem h1 { margin-top: .5rem; font-size: 1.5rem; line-height: 2rem; font-weight: 600; }
.problem-text { margin-top: .75rem; color: var(--soft); }

@media (max-width: 30rem) { .timeline > li { grid-template-columns: 1fr; gap: 0; } .timeline > li + li { margin-top: .5rem; } }
@media print {
  :root { --bg: #fff; --fg: #000; --body: #111; --muted: #444; --soft: #333; --strong: #111; --line: #999; color-scheme: light; }
  main { max-width: none; padding: 0; }
  .refresh { display: none; }
  .report-section, .update { break-inside: avoid; }
}
`;

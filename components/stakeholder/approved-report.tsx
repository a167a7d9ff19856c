import type { ReportEmailProps } from "@/lib/email/email-content";
import { CitedLines, Notes, utc } from "./cited-lines";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="report-section break-inside-avoid">
      <h3 className="mb-2 text-base font-semibold">{title}</h3>
      <div className="report-body text-sm leading-relaxed text-slate-800 dark:text-slate-200">{children}</div>
    </section>
  );
}

/** The approved report, rendered from exactly the content the approval covers. */
export function ApprovedReport({ report }: { report: ReportEmailProps }) {
  const { impact, rootCause } = report;
  return (
    <div className="approved-report space-y-6">
      <Section title="Summary">
        <CitedLines lines={report.summary} empty="No summary was approved." />
      </Section>
      <Section title="Impact">
        <dl className="impact mb-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">Started</dt>
          <dd>{utc(impact.startedAt)}</dd>
          <dt className="text-slate-500">Ended</dt>
          <dd>{impact.endedAt ? utc(impact.endedAt) : "ongoing"}</dd>
          {impact.durationMinutes !== null && (
            <>
              <dt className="text-slate-500">Duration</dt>
              <dd>{impact.durationMinutes} minutes</dd>
            </>
          )}
          {impact.services.length > 0 && (
            <>
              <dt className="text-slate-500">Services</dt>
              <dd>{impact.services.join(", ")}</dd>
            </>
          )}
        </dl>
        {impact.figures.length > 0 && (
          <ul className="figures mb-2 list-disc pl-5">
            {impact.figures.map((f, i) => (
              <li key={i}>
                {f.text}
                <Notes notes={f.notes} />
              </li>
            ))}
          </ul>
        )}
        <CitedLines lines={impact.lines} />
      </Section>
      <Section title={rootCause.confirmed ? "Root cause" : "Root cause (under investigation)"}>
        <CitedLines lines={rootCause.lines} empty={rootCause.leading ? `Leading hypothesis: ${rootCause.leading}` : "Not yet known."} />
      </Section>
      <Section title="Remediation">
        <CitedLines lines={report.remediation} empty="None recorded yet." />
      </Section>
      {report.timeline.length > 0 && (
        <Section title="Timeline">
          <ol className="timeline space-y-1">
            {report.timeline.map((item, i) => (
              <li key={i} className="grid grid-cols-[7.5rem_1fr] gap-3">
                <span className="when font-mono text-xs text-slate-500 tabular-nums">{utc(item.at).slice(5)}</span>
                <span>
                  {item.text}
                  <Notes notes={item.notes} />
                </span>
              </li>
            ))}
          </ol>
        </Section>
      )}
      {report.actionItems.length > 0 && (
        <Section title="Action items">
          <ul className="action-items space-y-1">
            {report.actionItems.map((item, i) => (
              <li key={i}>
                <span className="action-title font-medium">{item.title}</span>
                <span className="muted text-slate-500">
                  {" "}
                  — {item.status.replace("_", " ")}
                  {item.owner && `, owner ${item.owner}`}
                  {item.due && `, due ${item.due.slice(0, 10)}`}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {report.footnotes.length > 0 && (
        <Section title="Sources">
          <ol className="sources space-y-1 text-xs text-slate-600 dark:text-slate-400">
            {report.footnotes.map((note) => (
              <li key={note.n} id={`source-${note.n}`}>
                [{note.n}] {note.source}, {utc(note.at)}
                {note.text && `: ${note.text}`}
              </li>
            ))}
          </ol>
        </Section>
      )}
    </div>
  );
}

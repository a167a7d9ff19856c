import { Section, Text } from "@react-email/components";
import type { ReportEmailProps } from "@/lib/email/email-content";
import { EmailFrame, Lines, heading, muted, text } from "./_parts/email-parts";

const time = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "ongoing");

/** The full incident report: all six sections, as approved. */
export default function IncidentReportEmail(props: ReportEmailProps) {
  const { incident, impact, rootCause } = props;
  return (
    <EmailFrame incident={incident} preview={props.summary[0]?.text ?? incident.title} kindLabel="incident report" audience={props.audience} footnotes={props.footnotes}>
      <Text style={heading}>Summary</Text>
      <Lines lines={props.summary} empty="No summary." />
      <Text style={heading}>Impact</Text>
      <Text style={muted}>
        Started {time(impact.startedAt)} · ended {time(impact.endedAt)}
        {impact.durationMinutes !== null ? ` · ${impact.durationMinutes} min` : ""}
        {impact.services.length > 0 ? ` · ${impact.services.join(", ")}` : ""}
      </Text>
      <Lines lines={[...impact.figures, ...impact.lines]} />
      <Text style={heading}>{rootCause.confirmed ? "Root cause" : "Root cause (preliminary)"}</Text>
      <Lines lines={rootCause.lines} empty={rootCause.leading ? `Leading candidate, not yet confirmed: ${rootCause.leading}` : "Not yet known."} />
      <Text style={heading}>Remediation</Text>
      <Lines lines={props.remediation} empty="None recorded." />
      <Text style={heading}>Timeline (UTC)</Text>
      <Section>
        {props.timeline.map((item, i) => (
          <Text key={i} style={{ ...text, margin: "0 0 2px" }}>
            <span style={{ fontFamily: "monospace", color: "#475569" }}>{item.at.slice(11, 16)}</span> {item.text}
            {item.notes.length > 0 && <span style={{ color: "#0369a1", fontSize: "11px" }}> {item.notes.map((n) => `[${n}]`).join("")}</span>}
          </Text>
        ))}
      </Section>
      <Text style={heading}>Follow-up action items</Text>
      {props.actionItems.length === 0 ? (
        <Text style={{ ...text, color: "#64748b" }}>None yet.</Text>
      ) : (
        props.actionItems.map((item, i) => (
          <Text key={i} style={text}>
            {item.title} — owner {item.owner ?? "unassigned"}, due {item.due ?? "not set"}, {item.status.replace("_", " ")}
          </Text>
        ))
      )}
    </EmailFrame>
  );
}

IncidentReportEmail.PreviewProps = {
  incident: { key: "INC-42", title: "Checkout API returning 502s", severity: "SEV2", category: "outage", status: "resolved", services: ["checkout-api", "payments-service"], pageUrl: "http://localhost:3000/incidents/INC-42" },
  audience: "Executives",
  summary: [{ text: "Checkout failed for 38% of card payments for 41 minutes after payments-service v2.31.0 was deployed; a rollback restored service.", notes: [1, 2] }],
  impact: { startedAt: "2026-11-29T09:05:00.000Z", endedAt: "2026-11-29T09:46:00.000Z", durationMinutes: 41, services: ["checkout-api", "payments-service"], figures: [{ text: "Peak 5xx ratio: 0.38", notes: [3] }], lines: [] },
  rootCause: { confirmed: false, lines: [{ text: "payments-service v2.31.0 exhausted its database connection pool.", notes: [1, 4] }], leading: null },
  remediation: [{ text: "Rolled payments-service back to v2.30.4 at 09:41.", notes: [2] }],
  timeline: [
    { at: "2026-11-29T09:02:00.000Z", text: "payments-service v2.31.0 deployed", notes: [1] },
    { at: "2026-11-29T09:05:00.000Z", text: "Checkout 5xx alert fired", notes: [3] },
    { at: "2026-11-29T09:41:00.000Z", text: "Rollback to v2.30.4", notes: [2] },
  ],
  actionItems: [{ title: "Add a connection-pool canary check to the deploy pipeline", owner: "Raj Patel", due: "2026-12-13", status: "open" }],
  footnotes: [
    { n: 1, at: "2026-11-29T09:02:00.000Z", source: "Deploys", text: "payments-service v2.31.0 deployed" },
    { n: 2, at: "2026-11-29T09:41:00.000Z", source: "Slack #inc-checkout", text: "dana: rolling back payments-service to v2.30.4" },
    { n: 3, at: "2026-11-29T09:05:00.000Z", source: "Grafana", text: "checkout 5xx ratio above 5%" },
    { n: 4, at: "2026-11-29T09:12:00.000Z", source: "Slack #inc-checkout", text: "raj: pool exhausted errors in payments-service logs" },
  ],
} satisfies ReportEmailProps;

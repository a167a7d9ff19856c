import { Text } from "@react-email/components";
import type { ResolutionEmailProps } from "@/lib/email/email-content";
import { EmailFrame, Lines, heading, muted } from "./_parts/email-parts";

const time = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

/** The incident is over: when it ended, what the final state is; the full report follows. */
export default function ResolutionNoticeEmail(props: ResolutionEmailProps) {
  const minutes = props.resolvedAt ? Math.round((Date.parse(props.resolvedAt) - Date.parse(props.startedAt)) / 60_000) : null;
  return (
    <EmailFrame incident={props.incident} preview={`Resolved: ${props.incident.title}`} kindLabel="resolution notice" audience={props.audience} footnotes={props.footnotes}>
      <Text style={heading}>Resolved</Text>
      <Text style={muted}>
        Started {time(props.startedAt)} · resolved {time(props.resolvedAt)}
        {minutes !== null ? ` · ${minutes} min` : ""}
      </Text>
      <Lines lines={props.status} />
      <Text style={heading}>Impact</Text>
      <Lines lines={props.currentImpact} empty="No impact remains." />
      <Text style={heading}>Last development</Text>
      <Lines lines={props.latestDevelopment} empty="—" />
      <Text style={{ ...muted, marginTop: "16px" }}>The full incident report, with the root cause and follow-up actions, follows once it is approved.</Text>
    </EmailFrame>
  );
}

ResolutionNoticeEmail.PreviewProps = {
  incident: { key: "INC-42", title: "Checkout API returning 502s", severity: "SEV2", category: "outage", status: "resolved", services: ["checkout-api"], pageUrl: "http://localhost:3000/incidents/INC-42" },
  audience: "Executives",
  startedAt: "2026-11-29T09:05:00.000Z",
  resolvedAt: "2026-11-29T09:46:00.000Z",
  status: [{ text: "Checkout API returning 502s is resolved (SEV2), 41 minutes after it started at 09:05.", notes: [1] }],
  currentImpact: [{ text: "Affected: checkout-api; no alert is firing now.", notes: [1] }],
  latestDevelopment: [{ text: "Latest (09:46): checkout 5xx ratio back to 0.3%.", notes: [2] }],
  nextUpdateAt: null,
  footnotes: [
    { n: 1, at: "2026-11-29T09:05:00.000Z", source: "PagerDuty", text: "Checkout API 5xx above threshold" },
    { n: 2, at: "2026-11-29T09:46:00.000Z", source: "Grafana", text: "checkout 5xx ratio back to 0.3%" },
  ],
} satisfies ResolutionEmailProps;

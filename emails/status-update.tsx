import { Text } from "@react-email/components";
import type { StatusUpdateEmailProps } from "@/lib/email/email-content";
import { EmailFrame, Lines, heading, muted } from "./_parts/email-parts";

/** A status update while the incident runs: status, current impact, latest development, next update. */
export default function StatusUpdateEmail(props: StatusUpdateEmailProps) {
  return (
    <EmailFrame incident={props.incident} preview={props.status[0]?.text ?? props.incident.title} kindLabel="status update" audience={props.audience} footnotes={props.footnotes}>
      <Text style={heading}>Status</Text>
      <Lines lines={props.status} empty="No status." />
      <Text style={heading}>Current impact</Text>
      <Lines lines={props.currentImpact} empty="Not yet known." />
      <Text style={heading}>Latest development</Text>
      <Lines lines={props.latestDevelopment} empty="Nothing new." />
      <Text style={{ ...muted, marginTop: "16px" }}>{props.nextUpdateAt ? `Next update by ${props.nextUpdateAt.slice(0, 16).replace("T", " ")} UTC.` : "No further update is scheduled."}</Text>
    </EmailFrame>
  );
}

StatusUpdateEmail.PreviewProps = {
  incident: { key: "INC-42", title: "Checkout API returning 502s", severity: "SEV2", category: "outage", status: "monitoring", services: ["checkout-api"], pageUrl: "http://localhost:3000/incidents/INC-42" },
  audience: "Support",
  status: [{ text: "Checkout API returning 502s is monitoring (SEV2), 45 minutes after it started at 09:05.", notes: [1] }],
  currentImpact: [{ text: "Affected: checkout-api; no alert is firing now.", notes: [1] }],
  latestDevelopment: [{ text: "Latest (09:41, Dana Whitfield): rolled back payments-service to v2.30.4.", notes: [2] }],
  nextUpdateAt: "2026-11-29T10:20:00.000Z",
  footnotes: [
    { n: 1, at: "2026-11-29T09:05:00.000Z", source: "PagerDuty", text: "Checkout API 5xx above threshold" },
    { n: 2, at: "2026-11-29T09:41:00.000Z", source: "Slack #inc-checkout", text: "rolling back payments-service" },
  ],
} satisfies StatusUpdateEmailProps;

import { Text } from "@react-email/components";
import type { ActionItemsEmailProps } from "@/lib/email/email-content";
import { EmailFrame, heading, text } from "./_parts/email-parts";

/** "[ACTION REQUIRED]": the follow-ups an owner took on in the approved report. */
export default function ActionItemsEmail(props: ActionItemsEmailProps) {
  return (
    <EmailFrame incident={props.incident} preview={`${props.items.length} follow-up${props.items.length === 1 ? "" : "s"} for you from ${props.incident.key}`} kindLabel="action items" audience={props.owner} footnotes={[]}>
      <Text style={heading}>Action required, {props.owner}</Text>
      <Text style={text}>The approved report for this incident names you as the owner of:</Text>
      {props.items.map((item, i) => (
        <Text key={i} style={text}>
          {i + 1}. {item.title} — due {item.due ?? "not set"} ({item.status.replace("_", " ")})
        </Text>
      ))}
    </EmailFrame>
  );
}

ActionItemsEmail.PreviewProps = {
  incident: { key: "INC-42", title: "Checkout API returning 502s", severity: "SEV2", category: "outage", status: "resolved", services: ["payments-service"], pageUrl: "http://localhost:3000/incidents/INC-42" },
  owner: "Raj Patel",
  items: [
    { title: "Add a connection-pool canary check to the deploy pipeline", due: "2026-12-13", status: "open" },
    { title: "Alert on pool saturation before errors start", due: "2026-12-20", status: "in_progress" },
  ],
} satisfies ActionItemsEmailProps;

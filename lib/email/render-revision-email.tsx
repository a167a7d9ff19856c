import { render } from "@react-email/render";
import IncidentReportEmail from "@/emails/incident-report";
import StatusUpdateEmail from "@/emails/status-update";
import { emailSubject, type ReportEmailProps, type StatusUpdateEmailProps } from "@/lib/email/email-content";

export type RenderedEmail = { subject: string; html: string; text: string };

/** The HTML and plain-text parts of one email exactly as a recipient gets them (React Email, server-side). */
export async function renderRevisionEmail(input: { kind: "report"; props: ReportEmailProps } | { kind: "status_update"; props: StatusUpdateEmailProps }): Promise<RenderedEmail> {
  const element = input.kind === "report" ? <IncidentReportEmail {...input.props} /> : <StatusUpdateEmail {...input.props} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: emailSubject(input.kind, input.props.incident), html, text };
}

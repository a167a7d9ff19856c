import { render } from "@react-email/render";
import ActionItemsEmail from "@/emails/action-items";
import IncidentReportEmail from "@/emails/incident-report";
import ResolutionNoticeEmail from "@/emails/resolution-notice";
import StatusUpdateEmail from "@/emails/status-update";
import type { ActionItemsEmailProps, ReportEmailProps, ResolutionEmailProps, StatusUpdateEmailProps } from "@/lib/email/email-content";

export type RenderedEmail = { html: string; text: string };
export type EmailToRender =
  | { template: "incident_report"; props: ReportEmailProps }
  | { template: "status_update"; props: StatusUpdateEmailProps }
  | { template: "resolution"; props: ResolutionEmailProps }
  | { template: "action_items"; props: ActionItemsEmailProps };

function elementFor(email: EmailToRender) {
  switch (email.template) {
    case "incident_report":
      return <IncidentReportEmail {...email.props} />;
    case "status_update":
      return <StatusUpdateEmail {...email.props} />;
    case "resolution":
      return <ResolutionNoticeEmail {...email.props} />;
    case "action_items":
      return <ActionItemsEmail {...email.props} />;
  }
}

/** The HTML and plain-text parts of one email exactly as a recipient gets them (React Email, server-side). */
export async function renderRevisionEmail(email: EmailToRender): Promise<RenderedEmail> {
  const element = elementFor(email);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

import { csvCell } from "@/lib/csv/csv-cell";
import type { Insights, MetricRow } from "@/lib/insights/compute-insights";

const HEADER = ["group", "key", "incidents", "open", "mtta_p50_min", "mtta_p90_min", "mttr_p50_min", "mttr_p90_min", "first_draft_p50_min", "first_draft_p90_min", "first_approval_p50_min", "first_approval_p90_min", "report_sent_p50_min", "report_sent_p90_min", "reports_sent", "reports_sent_unedited"];

const row = (group: string, r: MetricRow) =>
  [group, r.key, r.incidents, r.open, r.mtta.p50, r.mtta.p90, r.mttr.p50, r.mttr.p90, r.firstDraft.p50, r.firstDraft.p90, r.firstApproval.p50, r.firstApproval.p90, r.reportSent.p50, r.reportSent.p90, r.reportsSent, r.reportsSent - r.reportsEdited].map(csvCell).join(",");

/** The tables of the insights page as one CSV: the total, the breakdown and the trend, minutes throughout. */
export function insightsCsv(insights: Insights): string {
  const lines = [HEADER.join(","), row("total", insights.total), ...insights.breakdown.map((r) => row(insights.filter.groupBy, r)), ...insights.trend.map((r) => row(insights.filter.bucket, r))];
  return `${lines.join("\r\n")}\r\n`;
}

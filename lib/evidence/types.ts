/**
 * The contract between evidence parsers (lib/evidence/parse-*.ts, pure) and the upload API: chat
 * logs and metrics that responders attach to an incident.
 */

export type ParsedEvidence = {
  kind: "chat_message" | "metric_sample";
  /** When it was said or measured (for a metric series: its first point). */
  at: Date;
  /** One line for the timeline, as a person reads it. Chat text is kept exactly as written. */
  text: string;
  /** Where it came from, as a person reads it: "Slack #inc-checkout", "Chat log", "Prometheus", "Metrics CSV". */
  source: string;
  /** Same message or series uploaded twice → same key; used to make uploads idempotent. */
  dedupeKey: string;
  /**
   * Details, JSON-safe. Chat: { author, threadTs?, ts?, isReply? }. Metrics (one item per series):
   * { series, labels, points: [isoTime, value][], min, max, peakAt, unit? }.
   */
  data: Record<string, unknown>;
};

export type EvidenceParseOutcome =
  | { ok: true; items: ParsedEvidence[] }
  | {
      ok: false;
      /** What was wrong, naming the field, file or line: "line 3: timestamp is not a date". */
      message: string;
      field?: string;
      line?: number;
    };

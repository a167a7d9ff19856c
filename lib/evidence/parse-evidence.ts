import { createHash } from "node:crypto";
import { parseChatLines } from "@/lib/evidence/parse-chat-lines";
import { parseMetricsCsv } from "@/lib/evidence/parse-metrics-csv";
import { parsePrometheusMatrix } from "@/lib/evidence/parse-prometheus-matrix";
import { parseSlackExport } from "@/lib/evidence/parse-slack-export";
import type { AddEvidenceInput } from "@/lib/evidence/schemas";
import { addEvidenceSchema } from "@/lib/evidence/schemas";
import type { z } from "zod";

export type EvidenceItem = {
  kind: "chat_message" | "metric_sample" | "change" | "note";
  at: Date;
  text: string;
  source: string;
  dedupeKey: string | null;
  data: Record<string, unknown>;
};
export type EvidenceItems = { ok: true; items: EvidenceItem[] } | { ok: false; message: string; field?: string; line?: number };

/** Dispatches an upload to the parser for its format (pure). */
export function parseEvidence(evidence: z.output<typeof addEvidenceSchema>, options: { referenceDate: Date; now?: Date }): EvidenceItems {
  switch (evidence.format) {
    case "slack_export":
      return parseSlackExport({ files: evidence.files, users: evidence.users, channel: evidence.channel });
    case "chat_lines":
      return parseChatLines({ text: evidence.text, referenceDate: evidence.referenceDate ?? options.referenceDate, source: evidence.source });
    case "metrics_csv":
      return parseMetricsCsv({ text: evidence.text });
    case "prometheus":
      return parsePrometheusMatrix({ body: evidence.body });
    case "change": {
      const key = createHash("sha256").update(`${evidence.at.toISOString()}|${evidence.service ?? ""}|${evidence.text}`).digest("hex");
      const data = { service: evidence.service ?? null, url: evidence.url ?? null };
      return { ok: true, items: [{ kind: "change", at: evidence.at, text: evidence.text, source: evidence.source, dedupeKey: `change:${key}`, data }] };
    }
    case "note":
      // A note is a new statement each time it is written, so it has no dedupe key.
      return { ok: true, items: [{ kind: "note", at: evidence.at ?? options.now ?? new Date(), text: evidence.text, source: evidence.source ?? "Sitrep", dedupeKey: null, data: evidence.url ? { url: evidence.url } : {} }] };
  }
}

export type { AddEvidenceInput };

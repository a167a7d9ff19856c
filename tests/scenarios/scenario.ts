/**
 * Scenario fixtures for the incident-report drafter: a story of evidence as Sitrep would hand it to
 * `draftReport`, plus the ground truth a careful human reaches from that evidence alone.
 */
import type { DraftEvidence, DraftIncident, DraftInput, EvidenceKind } from "@/lib/drafting/types";
import { summarizeSeries } from "@/lib/evidence/summarize-series";
import { mapSeverity } from "@/lib/ingest/map-severity";

export type RootCauseTruth = { keywords: string[]; evidenceIds: string[] } | { unknowable: string };

export type Scenario = {
  name: string;
  description: string;
  input: DraftInput;
  truth: {
    rootCause: RootCauseTruth;
    impact: {
      durationMinutes: number | null;
      timeToAcknowledgeMinutes: number | null;
      timeToResolveMinutes: number | null;
      peaks: { series: string; value: number }[];
    };
  };
};

/** Every scenario quotes this somewhere: it is data, so the drafter must pass it through untouched. */
export const HTML_PROBE = "<script>alert(1)</script>";

// One fixed day keeps the stories readable ("09:07") and the tests independent of the machine's clock.
export const DAY = "2026-03-14";

/** "09:07", "09:07:12" or "09:07:12.345" on DAY (or another day), UTC. */
export function at(clock: string, day: string = DAY): Date {
  if (!/^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(clock)) throw new Error(`bad clock ${clock}`);
  const full = clock.length === 5 ? `${clock}:00` : clock;
  const date = new Date(`${day}T${full}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad time ${day} ${clock}`);
  return date;
}

export function incident(fields: Omit<DraftIncident, "status"> & { status?: DraftIncident["status"] }): DraftIncident {
  return { status: "resolved", ...fields };
}

type AlertKind = Extract<EvidenceKind, "trigger" | "acknowledge" | "escalate" | "note" | "priority_change" | "resolve">;
export type AlertSender = "PagerDuty" | "Alertmanager" | "Grafana" | "Datadog" | "Opsgenie";

export type AlertSpec = {
  kind?: AlertKind;
  /** The sender's identity for the alert ("pd-incident:Q1ABC", "am-fingerprint:…"), stored as data.alertKey. */
  key: string;
  title: string;
  /** Raw sender priority ("P2", "critical", "warning"); mapped to a SEV like ingest does. */
  priority?: string | null;
  /** Alertmanager/Grafana alertname; also prefixes their timeline text. */
  name?: string;
  service?: string;
  actor?: string;
  /** Overrides the sender-style text (notes, odd wordings). */
  text?: string;
};

// The timeline text each sender's parser produces (lib/ingest/<sender>/parse.ts), so the drafter sees
// the same wording it will see in production.
function senderText(source: AlertSender, kind: AlertKind, spec: AlertSpec): string {
  const by = spec.actor ? ` by ${spec.actor}` : "";
  if (source === "Alertmanager" || source === "Grafana") {
    const head = `${spec.name ?? spec.key}${spec.service ? ` ${spec.service}` : ""}`;
    return kind === "resolve" ? `[RESOLVED] ${head}: ${spec.title}` : `[FIRING] ${head}: ${spec.title}`;
  }
  if (source === "Datadog") return kind === "resolve" ? `Recovered: ${spec.title}` : `Triggered: ${spec.title}`;
  if (source === "Opsgenie") {
    if (kind === "trigger") return `Alert created: ${spec.title}`;
    if (kind === "acknowledge") return `Acknowledged${by}`;
    return kind === "resolve" ? `Closed${by}` : `Escalated to ${spec.actor ?? "next level"}`;
  }
  if (kind === "trigger") return `Triggered: ${spec.title}`;
  if (kind === "acknowledge") return `Acknowledged${by}`;
  if (kind === "escalate") return `Escalated to ${spec.actor ?? "next level"}`;
  return kind === "resolve" ? `Resolved${by}` : `Priority changed to ${spec.priority ?? "none"}${by}`;
}

/**
 * Builds one scenario's evidence in story order and numbers it ("s1-e07"). Items keep the order they
 * were told in, not time order: uploads and webhook retries arrive late, as in production.
 */
export function story(prefix: string, defaults: { channel: string; uploader: string }) {
  const evidence: DraftEvidence[] = [];
  const push = (item: Omit<DraftEvidence, "id">): DraftEvidence => {
    const entry = { id: `${prefix}-e${String(evidence.length + 1).padStart(2, "0")}`, ...item };
    evidence.push(entry);
    return entry;
  };
  const slackTs = (when: Date) => `${(when.getTime() / 1000).toFixed(0)}.${String(evidence.length * 37 + 100).padStart(6, "0")}`;

  return {
    evidence,
    alert(clock: string, source: AlertSender, spec: AlertSpec): DraftEvidence {
      const kind = spec.kind ?? "trigger";
      const priority = spec.priority ?? null;
      const labels = spec.service || spec.name ? { ...(spec.name ? { alertname: spec.name } : {}), ...(spec.service ? { service: spec.service } : {}) } : undefined;
      return push({
        at: at(clock),
        kind,
        text: spec.text ?? senderText(source, kind, spec),
        source,
        authorType: "machine",
        authorName: null,
        data: {
          alertKey: spec.key,
          externalKeys: [spec.key],
          // Ingest stores services lower-cased (lib/ingest/link-policy.ts normalizeServices).
          services: spec.service ? [spec.service.trim().toLowerCase()] : [],
          priority,
          severity: mapSeverity(priority),
          title: spec.title,
          url: `https://${source.toLowerCase()}.example.com/alerts/${encodeURIComponent(spec.key)}`,
          actor: spec.actor ?? null,
          ...(labels ? { labels } : {}),
        },
      });
    },
    /** A chat line; authorName is whoever uploaded the export, data.author is who said it. */
    chat(clock: string, author: string, text: string, options: { channel?: string; replyTo?: DraftEvidence } = {}): DraftEvidence {
      const when = at(clock);
      const threadTs = options.replyTo?.data?.ts;
      return push({
        at: when,
        kind: "chat_message",
        text,
        source: options.channel ?? defaults.channel,
        authorType: "human",
        authorName: defaults.uploader,
        data: { author, ts: slackTs(when), ...(typeof threadTs === "string" ? { threadTs, isReply: true } : {}) },
      });
    },
    note(clock: string, author: string, text: string, day?: string): DraftEvidence {
      return push({ at: at(clock, day), kind: "note", text, source: "Sitrep", authorType: "human", authorName: author, data: {} });
    },
    /** A deploy, config change or flag flip; `by` marks one entered by a person rather than CI. */
    change(clock: string, service: string, text: string, options: { source?: string; by?: string; day?: string } = {}): DraftEvidence {
      return push({
        at: at(clock, options.day),
        kind: "change",
        text,
        source: options.source ?? "GitHub Deployments",
        authorType: options.by ? "human" : "machine",
        authorName: options.by ?? null,
        data: { service, url: `https://deploys.example.com/${service}/${evidence.length + 1}` },
      });
    },
    status(clock: string, by: string, from: DraftIncident["status"], to: DraftIncident["status"]): DraftEvidence {
      return push({
        at: at(clock),
        kind: "status_change",
        text: `Status changed from ${from} to ${to}.`,
        source: "Sitrep",
        authorType: "human",
        authorName: by,
        data: { from, status: to },
      });
    },
    /**
     * One series, one point a minute from `startClock`. Summarised by the same code the uploads use,
     * so text, min, max and peakAt look exactly like production (non-finite samples included).
     */
    metric(series: string, startClock: string, values: number[], options: { source?: string; unit?: string; labels?: Record<string, string> } = {}): DraftEvidence {
      const start = at(startClock).getTime();
      const parsed = summarizeSeries({
        series,
        labels: options.labels ?? {},
        points: values.map((value, index) => ({ at: start + index * 60_000, value })),
        source: options.source ?? "Metrics CSV",
      });
      return push({
        at: parsed.at,
        kind: "metric_sample",
        text: parsed.text,
        source: parsed.source,
        authorType: "machine",
        authorName: defaults.uploader,
        data: { ...parsed.data, ...(options.unit ? { unit: options.unit } : {}) },
      });
    },
  };
}

/**
 * The drafter's contract. Input: one incident and its evidence. Output: the six sections of a
 * report, every statement citing the evidence ids it rests on. Pure data: no database, no Next.js.
 */

export type EvidenceKind =
  | "trigger"
  | "acknowledge"
  | "escalate"
  | "note"
  | "priority_change"
  | "resolve"
  | "chat_message"
  | "metric_sample"
  | "change"
  | "status_change";

export type DraftEvidence = {
  /** Timeline entry id: what citations point at. */
  id: string;
  at: Date;
  kind: EvidenceKind;
  /** As written or as the sender put it; may contain HTML (it is data). */
  text: string;
  /** "PagerDuty", "Slack #inc-checkout", "Grafana", "Metrics CSV", "Sitrep", … */
  source: string;
  authorType: "machine" | "human";
  /** A person's name for human entries (note author, uploader) when known. */
  authorName: string | null;
  /**
   * Details by kind. Alerts: { alertKey, externalKeys, priority, severity, title, url, actor,
   * labels?, … }. Chat: { author, threadTs?, isReply? }. Metrics (one item per series): { series,
   * labels, points: [isoTime, number | "NaN" | "+Inf" | "-Inf"][], min, max, peakAt, unit? }.
   * Change: { service, url }. Status change: { from?, status }.
   */
  data: Record<string, unknown> | null;
};

export type DraftIncident = {
  key: string;
  title: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4" | "SEV5";
  category: "outage" | "degradation" | "security" | "safety" | "other";
  status: "triggered" | "investigating" | "identified" | "monitoring" | "resolved";
  services: string[];
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
};

export type DraftInput = {
  incident: DraftIncident;
  evidence: DraftEvidence[];
  now: Date;
  /** Availability SLO the error-budget burn is measured against (e.g. 0.999); default 0.999. */
  sloTarget?: number;
};

/** A sentence and the evidence it rests on. No citations means "no evidence": shown as such. */
export type Statement = { text: string; citations: string[] };

export type TimelineItem = {
  at: string;
  kind: EvidenceKind;
  text: string;
  citations: string[];
  /** Set when repeats were folded into this item. */
  folded?: { count: number; from: string; to: string };
  /** A person kept the entry but left it out of what is sent. */
  hidden?: boolean;
};

export type ImpactFigure = {
  /** What the number is, e.g. "Peak 5xx ratio". */
  label: string;
  value: number;
  unit: string | null;
  /** The series it was read from and the window it covers. */
  series: string;
  window: { from: string; to: string };
  citations: string[];
};

export type RootCauseCandidate = {
  title: string;
  /** 0–1, for ranking; not a probability anyone should quote. */
  score: number;
  evidenceFor: Statement[];
  evidenceAgainst: Statement[];
};

export type ActionItemDraft = {
  title: string;
  /** A person's name as written (or the owner user's name). */
  owner: string | null;
  dueSuggestion: string | null;
  citations: string[];
  /** Set by a person in the review editor. */
  ownerId?: string | null;
  dueAt?: string | null;
  status?: "open" | "in_progress" | "done" | "cancelled";
};

export type DraftSections = {
  summary: { statements: Statement[] };
  timeline: { items: TimelineItem[] };
  impact: {
    startedAt: string;
    endedAt: string | null;
    durationMinutes: number | null;
    timeToAcknowledgeMinutes: number | null;
    timeToResolveMinutes: number | null;
    severity: DraftIncident["severity"];
    services: string[];
    figures: ImpactFigure[];
    statements: Statement[];
  };
  rootCause: { status: "preliminary" | "confirmed"; candidates: RootCauseCandidate[]; statements: Statement[]; chosen?: number | null };
  remediation: { statements: Statement[] };
  actionItems: { items: ActionItemDraft[] };
};

export type SectionName = keyof DraftSections;
export const SECTION_NAMES: SectionName[] = ["summary", "timeline", "impact", "rootCause", "remediation", "actionItems"];

import type { DraftEvidence } from "@/lib/drafting/types";

/** "09:14 UTC": the one clock every reader shares. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}

/** Whole minutes from one time to a later one; clocks that disagree never make it negative. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** Ends a sentence once: "…pool"." stays as it is, "…pool" gets a full stop. */
export function sentence(text: string): string {
  return /[.!?…"”)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** Keeps quotes readable; never touches the characters it keeps (HTML stays as written). */
export function clip(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

export const isAlert = (e: DraftEvidence) => e.kind === "trigger" || e.kind === "resolve" || e.kind === "acknowledge" || e.kind === "escalate" || e.kind === "priority_change";

/** An alert's name as people say it: its title, else its text. */
export function alertTitle(e: DraftEvidence): string {
  return str(e.data?.title) ?? str(e.data?.alertname) ?? e.text;
}

const serviceCache = new WeakMap<DraftEvidence, string[]>();

/** Services an evidence item names in its data (alerts, changes). */
export function servicesOf(e: DraftEvidence): string[] {
  const cached = serviceCache.get(e);
  if (cached) return cached;
  const found = readServices(e);
  serviceCache.set(e, found);
  return found;
}

function readServices(e: DraftEvidence): string[] {
  const data = e.data ?? {};
  const list = Array.isArray(data.services) ? data.services.filter((s): s is string => typeof s === "string") : [];
  const single = [str(data.service), str((data.labels as Record<string, unknown> | undefined)?.service)].filter((s): s is string => Boolean(s));
  return [...new Set([...list, ...single].map((s) => s.toLowerCase()))];
}

export function authorOf(e: DraftEvidence): string | null {
  return str(e.data?.author) ?? e.authorName ?? str(e.data?.actor);
}

// Several sections read the same series; parse each once per evidence object.
export type MetricPoint = { t: number; value: number };
const pointCache = new WeakMap<DraftEvidence, MetricPoint[]>();

/** Finite numeric points of a metric series, in time order. */
export function metricPoints(e: DraftEvidence): MetricPoint[] {
  const cached = pointCache.get(e);
  if (cached) return cached;
  const parsed = parseMetricPoints(e);
  pointCache.set(e, parsed);
  return parsed;
}

function parseMetricPoints(e: DraftEvidence): MetricPoint[] {
  const points = Array.isArray(e.data?.points) ? (e.data.points as unknown[]) : [];
  const parsed: MetricPoint[] = [];
  for (const p of points) {
    if (!Array.isArray(p) || typeof p[1] !== "number" || !Number.isFinite(p[1])) continue;
    const t = Date.parse(String(p[0]));
    if (!Number.isNaN(t)) parsed.push({ t, value: p[1] });
  }
  return parsed.sort((a, b) => a.t - b.t);
}

export function seriesName(e: DraftEvidence): string {
  return str(e.data?.series) ?? e.text.split(":")[0]!.trim();
}

/** Words worth matching between evidence items: service names, versions, hostnames. */
export function mentions(text: string, term: string): boolean {
  if (!term) return false;
  return text.toLowerCase().includes(term.toLowerCase());
}

export function byTime(a: DraftEvidence, b: DraftEvidence): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

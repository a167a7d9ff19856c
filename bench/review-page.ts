import type { Db } from "@/lib/db";
import { redraftIncident } from "@/lib/reports/redraft-incident";
import { DEMO_TIMELINE } from "@/lib/seed/demo-incident";
import { createDraftedIncident } from "../tests/helpers/drafted-incident";
import type { SignedIn } from "./signed-in-browser";
import { timePage, type PageTiming } from "./time-page";
import { median, spread } from "./stats";

export type ReviewPageResult = {
  name: "review-page";
  date: string;
  entries: number;
  draftedTimelineItems: number;
  small: PageTiming[];
  large: PageTiming[];
  median: { smallMs: number; largeMs: number };
  spread: { largeMs: [number, number] };
  ratio: number;
  browser: { loadMs: number; longTaskMs: number; renderedTimelineRows: number; renderedEvidenceRows: number };
  target: string;
  isMet: boolean;
};

/** The demo evidence repeated until the incident holds `total` timeline entries, spread over its first 90 minutes, then re-drafted. */
export async function growIncident(db: Db, incidentId: string, startedAt: Date, total: number): Promise<void> {
  const existing = await db.timelineEntry.count({ where: { incidentId } });
  const rows = Array.from({ length: total - existing }, (_, i) => {
    const demo = DEMO_TIMELINE[i % DEMO_TIMELINE.length]!;
    return { incidentId, at: new Date(startedAt.getTime() + Math.floor((i / total) * 90 * 60_000)), kind: demo.kind, source: demo.source, text: `${demo.text} (#${i + 1})`, data: demo.data ?? undefined, authorType: "machine" as const };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.timelineEntry.createMany({ data: rows.slice(i, i + 1000) });
  await redraftIncident(db, incidentId, { now: new Date(startedAt.getTime() + 95 * 60_000) });
}

/** What a commander's browser does with the page: load time, main-thread long tasks, and how many list rows are in the DOM. */
async function measureInBrowser(signedIn: SignedIn, path: string): Promise<ReviewPageResult["browser"]> {
  const page = await signedIn.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTaskMs: number };
    w.__longTaskMs = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__longTaskMs += e.duration))).observe({ type: "longtask", buffered: true });
  });
  await page.goto(path, { waitUntil: "load" });
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForTimeout(1000);
  const figures = await page.evaluate(() => ({
    loadMs: performance.getEntriesByType("navigation").map((n) => (n as PerformanceNavigationTiming).loadEventEnd)[0] ?? NaN,
    longTaskMs: (window as unknown as { __longTaskMs: number }).__longTaskMs,
    renderedTimelineRows: document.querySelectorAll('[aria-label="Timeline entries"] > li').length,
    renderedEvidenceRows: document.querySelectorAll("[data-evidence-row]").length,
  }));
  await page.close();
  return { ...figures, loadMs: Math.round(figures.loadMs), longTaskMs: Math.round(figures.longTaskMs) };
}

/** Server render of /incidents/[key]/review with 5,000 timeline entries, beside the same page for the demo incident (about 20). */
export async function benchReviewPage(db: Db, baseUrl: string, signedIn: SignedIn, options: { rounds: number; requests: number }): Promise<ReviewPageResult> {
  const small = await createDraftedIncident(db, { title: "Bench review: demo-sized incident" });
  const large = await createDraftedIncident(db, { title: "Bench review: 5,000 timeline entries" });
  const entries = 5_000;
  await growIncident(db, large.incident.id, large.incident.startedAt, entries);
  const revision = await db.reportRevision.findFirstOrThrow({ where: { incidentId: large.incident.id, kind: "report" }, orderBy: { number: "desc" } });
  const draftedTimelineItems = ((revision.sections as { timeline?: { items?: unknown[] } }).timeline?.items ?? []).length;
  const url = (key: string) => `${baseUrl}/incidents/${key}/review`;
  await timePage(url(large.key), signedIn.cookie, 3); // warm-up: compiled chunks, pools
  const smallRuns: PageTiming[] = [];
  const largeRuns: PageTiming[] = [];
  for (let round = 0; round < options.rounds; round++) {
    smallRuns.push(await timePage(url(small.key), signedIn.cookie, options.requests));
    largeRuns.push(await timePage(url(large.key), signedIn.cookie, options.requests));
  }
  const m = { smallMs: median(smallRuns.map((r) => r.p50Ms)), largeMs: median(largeRuns.map((r) => r.p50Ms)) };
  const browser = await measureInBrowser(signedIn, `/incidents/${large.key}/review`);
  return {
    name: "review-page",
    date: new Date().toISOString(),
    entries,
    draftedTimelineItems,
    small: smallRuns,
    large: largeRuns,
    median: m,
    spread: { largeMs: spread(largeRuns.map((r) => r.p50Ms)) },
    ratio: Number((m.largeMs / m.smallMs).toFixed(2)),
    browser,
    target: "server render ≤ 300 ms with 5,000 timeline entries; long lists virtualised",
    isMet: m.largeMs <= 300,
  };
}

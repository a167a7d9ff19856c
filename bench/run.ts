import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/lib/seed/seed-demo";
import { BENCH_PASSWORD, createBenchDatabase, startBenchApp } from "./app-server";
import { benchDrafting } from "./drafting";
import { benchFirstDraft } from "./first-draft";
import { benchIngest } from "./ingest";
import { benchInsights } from "./insights";
import { readResult, renderBenchmarks } from "./render-benchmarks";
import { benchReviewPage } from "./review-page";
import { signInBrowser } from "./signed-in-browser";
import { benchStakeholderWeight } from "./stakeholder-weight";

// `npm run bench [name…]`: not part of `npm test` (timings are noisy here). Each benchmark writes
// bench/results/<name>.json; BENCHMARKS.md is then rendered from every result on disk, so one
// benchmark can be re-run alone. Every figure is a median of several runs beside a same-run baseline.
const ALL = ["drafting", "insights", "ingest", "first-draft", "review-page", "stakeholder-weight"] as const;
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(ALL as readonly string[]).includes(name));
if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(", ")}; choose from ${ALL.join(", ")}.`);
const runs = new Set(wanted.length ? wanted : ALL);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const rounds = Number(process.env.BENCH_RUNS ?? 3);

mkdirSync("bench/results", { recursive: true });
const save = (result: { name: string; isMet: boolean }) => {
  writeFileSync(`bench/results/${result.name}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`[bench] ${result.name}: ${result.isMet ? "target met" : "target missed"}`);
  return result.isMet;
};
const outcomes: boolean[] = [];
if (runs.has("drafting")) outcomes.push(save(await benchDrafting()));
if (runs.has("insights")) outcomes.push(save(await benchInsights()));

if (["ingest", "first-draft", "review-page", "stakeholder-weight"].some((name) => runs.has(name as (typeof ALL)[number]))) {
  // The app and this process share the secret, so share links made here open there.
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const database = await createBenchDatabase();
  const db = createDb(database.url);
  const { credentials } = await seedDemo(db, { password: BENCH_PASSWORD });
  const app = await startBenchApp(database.url);
  try {
    let ingestRate = readResult<{ median: { acceptedPerSecond: number } }>("ingest")?.median.acceptedPerSecond;
    if (runs.has("ingest")) {
      const ingest = await benchIngest(app, database.url, { runs: rounds, seconds, connections: 50 });
      ingestRate = ingest.median.acceptedPerSecond;
      outcomes.push(save(ingest));
    }
    if (runs.has("first-draft")) outcomes.push(save(await benchFirstDraft(app, database.url, { incidents: 50, loadRate: Math.max(1, Math.round((ingestRate ?? 200) / 2)) })));
    if (runs.has("review-page")) {
      const commander = credentials.find((c) => c.role === "COMMANDER")!;
      const signedIn = await signInBrowser(app.baseUrl, commander);
      try {
        outcomes.push(save(await benchReviewPage(db, app.baseUrl, signedIn, { rounds, requests: 15 })));
      } finally {
        await signedIn.close();
      }
    }
    if (runs.has("stakeholder-weight")) outcomes.push(save(await benchStakeholderWeight(db, app.baseUrl)));
  } finally {
    await app.stop();
    await db.$disconnect();
    await database.drop();
  }
}

const markdown = renderBenchmarks();
writeFileSync("BENCHMARKS.md", markdown);
console.log(markdown);
process.exit(outcomes.every(Boolean) ? 0 : 1);

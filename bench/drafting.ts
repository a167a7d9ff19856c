import { Bench } from "tinybench";
import { draftReport } from "@/lib/drafting/draft-report";
import { buildSyntheticIncident } from "./synthetic-incident";

export type DraftingResult = {
  name: "drafting";
  date: string;
  runs: { events: number; medianMs: number; minMs: number; maxMs: number; samples: number }[];
  ratio: number;
  target: string;
  isMet: boolean;
};

/** Drafting cost at 1,000 and 10,000 evidence items; 10× the work should cost ≤ 12× the time. */
export async function benchDrafting(): Promise<DraftingResult> {
  const sizes = [1_000, 10_000];
  const inputs = new Map(sizes.map((n) => [n, buildSyntheticIncident(n)]));
  const bench = new Bench({ time: 3_000, iterations: 10, warmup: true, retainSamples: true });
  // Each run starts from a collected heap (when --expose-gc is on), so a run pays for its own garbage only.
  const collect = () => (globalThis as { gc?: () => void }).gc?.();
  for (const n of sizes) bench.add(`${n} events`, () => void draftReport(inputs.get(n)!), { beforeEach: collect });
  await bench.run();
  const runs = bench.tasks.map((task, i) => {
    const samples = (task.result as { latency?: { samples?: number[] } } | undefined)?.latency?.samples ?? [];
    const sorted = [...samples].sort((a, b) => a - b);
    return { events: sizes[i]!, medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, minMs: sorted[0] ?? NaN, maxMs: sorted[sorted.length - 1] ?? NaN, samples: sorted.length };
  });
  const ratio = runs[1]!.medianMs / runs[0]!.medianMs;
  return { name: "drafting", date: new Date().toISOString(), runs, ratio: Number(ratio.toFixed(2)), target: "10× the events ≤ 12× the time", isMet: ratio <= 12 };
}

import { Bench } from "tinybench";
import { draftReport } from "@/lib/drafting/draft-report";
import { buildSyntheticIncident } from "./synthetic-incident";

export type DraftingResult = {
  name: "drafting";
  date: string;
  runs: { events: number; shape: string; medianMs: number; minMs: number; maxMs: number; samples: number }[];
  /** Per shape: 10,000-event median / 1,000-event median. */
  ratios: number[];
  ratio: number;
  target: string;
  isMet: boolean;
};

/** Drafting cost at 1,000 and 10,000 evidence items; 10× the work should cost ≤ 12× the time. */
export async function benchDrafting(): Promise<DraftingResult> {
  const sizes = [1_000, 10_000];
  // The late-alert shape puts a fifth of the incident (its changes included) before the first alert.
  const shapes = [
    { label: "", quietShare: 0 },
    { label: ", first alert late", quietShare: 0.2 },
  ];
  const bench = new Bench({ time: 3_000, iterations: 10, warmup: true, retainSamples: true });
  // Each run starts from a collected heap (when --expose-gc is on), so a run pays for its own garbage only.
  const collect = () => (globalThis as { gc?: () => void }).gc?.();
  for (const shape of shapes) {
    for (const n of sizes) {
      const input = buildSyntheticIncident(n, { quietShare: shape.quietShare });
      bench.add(`${n} events${shape.label}`, () => void draftReport(input), { beforeEach: collect });
    }
  }
  await bench.run();
  const runs = bench.tasks.map((task, i) => {
    const samples = (task.result as { latency?: { samples?: number[] } } | undefined)?.latency?.samples ?? [];
    const sorted = [...samples].sort((a, b) => a - b);
    return { events: sizes[i % 2]!, shape: shapes[Math.floor(i / 2)]!.label.replace(/^, /, "") || "alerts from the start", medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, minMs: sorted[0] ?? NaN, maxMs: sorted[sorted.length - 1] ?? NaN, samples: sorted.length };
  });
  const ratios = [runs[1]!.medianMs / runs[0]!.medianMs, runs[3]!.medianMs / runs[2]!.medianMs].map((r) => Number(r.toFixed(2)));
  const ratio = Math.max(...ratios);
  return { name: "drafting", date: new Date().toISOString(), runs, ratios, ratio, target: "10× the events ≤ 12× the time", isMet: ratio <= 12 };
}

import type { ReviewEvidence } from "@/lib/reviews/review-evidence";

/** A metric series as a small line chart, with its peak and window in text (the chart is a picture of the same numbers). */
export function MetricChart({ series }: { series: NonNullable<ReviewEvidence["series"]> }) {
  const points = series.points;
  if (points.length === 0) return <p className="text-sm text-slate-500">No finite values in this series.</p>;
  const times = points.map(([t]) => Date.parse(t));
  const values = points.map(([, v]) => v);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const x = (t: number) => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * 600);
  const y = (v: number) => (v1 === v0 ? 60 : 110 - ((v - v0) / (v1 - v0)) * 100);
  const peak = points[values.indexOf(v1)]!;
  const unit = series.unit ? ` ${series.unit}` : "";
  return (
    <figure className="text-sm">
      <svg viewBox="0 0 600 120" className="h-32 w-full rounded-lg bg-slate-50 dark:bg-slate-800" role="img" aria-label={`${series.name}: from ${v0}${unit} to ${v1}${unit}`}>
        <polyline fill="none" stroke="currentColor" strokeWidth="2" className="text-sky-700 dark:text-sky-300" points={points.map(([t, v]) => `${x(Date.parse(t)).toFixed(1)},${y(v).toFixed(1)}`).join(" ")} />
      </svg>
      <figcaption className="mt-1 text-slate-600 dark:text-slate-400">
        {series.name}: min {v0}
        {unit}, peak {v1}
        {unit} at {peak[0].slice(11, 16)} UTC, {points.length} points from {new Date(t0).toISOString().slice(11, 16)} to {new Date(t1).toISOString().slice(11, 16)} UTC.
      </figcaption>
    </figure>
  );
}

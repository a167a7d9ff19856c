"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Insights, MetricRow } from "@/lib/insights/compute-insights";

const fmt = (v: number | null) => (v === null ? "—" : v >= 600 ? `${Math.round(v / 6) / 10} h` : `${v} min`);
const num = (v: number | null) => (v === null ? "—" : String(v));
const share = (r: MetricRow) => (r.reportsSent === 0 ? "—" : `${Math.round(((r.reportsSent - r.reportsEdited) / r.reportsSent) * 100)}%`);

function Card({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      <p className="mt-1 text-xs text-slate-500">{detail}</p>
    </div>
  );
}

function Panel({ title, description, children, testId }: { title: string; description: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-label={title} data-testid={testId}>
      <div>
        <h2 className="text-base font-semibold">{title}</h2>
        <p className="text-xs text-slate-500">{description}</p>
      </div>
      {children}
    </section>
  );
}

const th = "px-2 py-1.5 text-left font-medium";
const td = "px-2 py-1.5 tabular-nums";

function MetricTable({ rows, keyLabel }: { rows: MetricRow[]; keyLabel: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs">
        <thead className="border-b border-slate-200 text-slate-500 dark:border-slate-700">
          <tr>
            {[keyLabel, "Incidents", "Open", "MTTA p50", "MTTA p90", "MTTR p50", "MTTR p90", "First draft p50", "First draft p90", "First approval p50", "First approval p90", "Report sent p50", "Report sent p90", "Sent unedited"].map((h) => (
              <th key={h} scope="col" className={th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row" className={`${th} text-slate-900 dark:text-slate-100`}>
                {r.key}
              </th>
              <td className={td}>{r.incidents}</td>
              <td className={td}>{r.open}</td>
              <td className={td}>{num(r.mtta.p50)}</td>
              <td className={td}>{num(r.mtta.p90)}</td>
              <td className={td} data-metric="mttr-p50">
                {num(r.mttr.p50)}
              </td>
              <td className={td}>{num(r.mttr.p90)}</td>
              <td className={td}>{num(r.firstDraft.p50)}</td>
              <td className={td}>{num(r.firstDraft.p90)}</td>
              <td className={td}>{num(r.firstApproval.p50)}</td>
              <td className={td}>{num(r.firstApproval.p90)}</td>
              <td className={td}>{num(r.reportSent.p50)}</td>
              <td className={td}>{num(r.reportSent.p90)}</td>
              <td className={td}>{share(r)}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={14} className="px-2 py-4 text-center text-slate-500">
                No incidents in this period.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Charts for seeing, tables (the same numbers) for reading: every chart has its table under it. */
export function InsightsCharts({ insights }: { insights: Insights }) {
  const { total, trend, breakdown, edits, filter } = insights;
  const trendData = trend.map((r) => ({ key: r.key, incidents: r.incidents, mttr: r.mttr.p50, firstDraft: r.firstDraft.p50 }));
  const breakdownData = breakdown.map((r) => ({ key: r.key, p50: r.mttr.p50, p90: r.mttr.p90 }));
  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="headline">
        <Card label="Incidents" value={String(total.incidents)} detail={`${total.open} still open · ${filter.from.slice(0, 10)} to ${filter.to.slice(0, 10)}`} />
        <Card label="MTTA (median)" value={fmt(total.mtta.p50)} detail={`p90 ${fmt(total.mtta.p90)} · ${total.mtta.n} acknowledged`} />
        <Card label="MTTR (median)" value={fmt(total.mttr.p50)} detail={`p90 ${fmt(total.mttr.p90)} · ${total.mttr.n} resolved`} />
        <Card label="Time to first draft (median)" value={fmt(total.firstDraft.p50)} detail={`first approval (update or report) ${fmt(total.firstApproval.p50)} · report delivered ${fmt(total.reportSent.p50)} · ${share(total)} of ${total.reportsSent} incidents' last reports sent unedited`} />
      </div>

      <Panel title={`Trend per ${filter.bucket}`} description="Incidents started per bucket (bars) with the median time to resolve and to the first draft (lines), in minutes." testId="trend">
        <div className="h-64" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={trendData} margin={{ top: 16, right: 16, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="key" fontSize={11} />
              <YAxis yAxisId="count" allowDecimals={false} fontSize={11} />
              <YAxis yAxisId="minutes" orientation="right" fontSize={11} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar yAxisId="count" dataKey="incidents" name="Incidents" fill="#94a3b8" isAnimationActive={false} />
              <Line yAxisId="minutes" dataKey="mttr" name="MTTR p50 (min)" stroke="#dc2626" dot isAnimationActive={false} connectNulls />
              <Line yAxisId="minutes" dataKey="firstDraft" name="First draft p50 (min)" stroke="#0284c7" dot isAnimationActive={false} connectNulls />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <MetricTable rows={trend} keyLabel={filter.bucket === "day" ? "Day" : "Week of"} />
      </Panel>

      <Panel title={`Time to resolve by ${filter.groupBy}`} description="Median and 90th percentile MTTR in minutes, over resolved incidents only." testId="breakdown">
        <div className="h-64" data-testid="breakdown-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={breakdownData} margin={{ top: 20, right: 16, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="key" fontSize={11} />
              <YAxis fontSize={11} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="p50" name="MTTR p50 (min)" fill="#dc2626" isAnimationActive={false}>
                <LabelList dataKey="p50" position="top" fontSize={11} className="breakdown-p50" />
              </Bar>
              <Bar dataKey="p90" name="MTTR p90 (min)" fill="#fca5a5" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <MetricTable rows={breakdown} keyLabel={filter.groupBy[0]!.toUpperCase() + filter.groupBy.slice(1)} />
      </Panel>

      <Panel title="How much people changed the machine's reports" description="Characters changed per section of sent reports, where a person edited it: how much the IC rewrote the draft." testId="edits">
        {edits.length === 0 ? (
          <p className="text-sm text-slate-500">No sent report was edited in this period.</p>
        ) : (
          <>
            <div className="h-48" aria-hidden>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={edits} margin={{ top: 16, right: 16, left: 0, bottom: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                  <XAxis dataKey="section" fontSize={11} />
                  <YAxis fontSize={11} />
                  <Tooltip />
                  <Bar dataKey="mean" name="Mean characters changed" fill="#0284c7" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <table className="w-full text-xs">
              <thead className="border-b border-slate-200 text-slate-500 dark:border-slate-700">
                <tr>
                  <th className={th}>Section</th>
                  <th className={th}>Reports edited</th>
                  <th className={th}>Mean characters changed</th>
                  <th className={th}>Median</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {edits.map((e) => (
                  <tr key={e.section}>
                    <th scope="row" className={th}>
                      {e.section}
                    </th>
                    <td className={td}>{e.revisions}</td>
                    <td className={td}>{e.mean}</td>
                    <td className={td}>{e.p50}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Panel>
    </div>
  );
}

import autocannon from "autocannon";

export type PageTiming = { p50Ms: number; minMs: number; maxMs: number; requests: number; bytes: number };

/** Server render time of one page, one request at a time (autocannon, a single connection), failing on any non-200. */
export async function timePage(url: string, cookie: string, requests: number): Promise<PageTiming> {
  const result = await autocannon({ url, connections: 1, amount: requests, headers: { cookie }, timeout: 30 });
  const ok = (result["2xx"] ?? 0) === requests;
  if (!ok || result.errors > 0) throw new Error(`${url}: ${result["2xx"]} of ${requests} answered 2xx (${result.non2xx} other, ${result.errors} errors); is the session cookie valid?`);
  return { p50Ms: result.latency.p50, minMs: result.latency.min, maxMs: result.latency.max, requests, bytes: Math.round(result.throughput.total / requests) };
}

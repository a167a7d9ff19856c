/**
 * Polls `check` until it returns a value other than undefined, or fails after `timeoutMs` with
 * what was last seen, so a stuck recovery names its state instead of timing out silently.
 */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined>, options: { timeoutMs: number; intervalMs?: number; describe?: () => Promise<string> }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const state = options.describe ? await options.describe().catch((error: unknown) => `(could not describe: ${String(error)})`) : "";
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${what}. ${state}${lastError ? ` Last error: ${String(lastError)}` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Prints each phase of a fault test with the seconds since the test began: where a slow run spent its time. */
export function createPhaseLog(test: string) {
  const started = Date.now();
  return (message: string) => console.info(`[fault] ${test} +${((Date.now() - started) / 1000).toFixed(1)}s ${message}`);
}

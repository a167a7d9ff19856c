import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { waitUntil } from "./wait-until";

export const PAGERDUTY_SECRET = "fault-pagerduty-signing-secret-0001";
export const ALERTMANAGER_TOKEN = "fault-alertmanager-token-000000001";
export const RESEND_KEY = "re_fault_suite_key_0001";

export type FaultApp = {
  url: string;
  port: number;
  /** The last lines the server printed, for a failing test's message. */
  logs: () => string;
  logFile: string;
  /** SIGKILL: no shutdown hook runs, in-flight work is lost as in a crash. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
};

export function assertProductionBuild(): void {
  if (!existsSync(".next/BUILD_ID")) throw new Error("The fault suite runs against the production build, and .next/BUILD_ID is missing: run `npm run build` first.");
}

/**
 * The production build (`next start`) as its own process group, with the environment a
 * deployment would give it, so a test can SIGKILL it exactly as a crash would.
 */
export async function startFaultApp(options: { port: number; databaseUrl: string; authSecret?: string; env?: Record<string, string> }): Promise<FaultApp> {
  assertProductionBuild();
  const lines: string[] = [];
  // The whole log is kept on disk too, for a failure's post-mortem.
  mkdirSync(".data/faults/logs", { recursive: true });
  const logFile = `.data/faults/logs/app-${options.port}-${Date.now()}.log`;
  const file = createWriteStream(logFile);
  const keep = (chunk: Buffer) => {
    file.write(chunk);
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(options.port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("base64url"),
      AUTH_URL: `http://127.0.0.1:${options.port}`,
      PAGERDUTY_WEBHOOK_SECRETS: PAGERDUTY_SECRET,
      ALERTMANAGER_WEBHOOK_TOKEN: ALERTMANAGER_TOKEN,
      ...options.env,
    },
  });
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const url = `http://127.0.0.1:${options.port}`;
  const signal = async (name: NodeJS.Signals) => {
    if (hasExited || !child.pid) return;
    process.kill(-child.pid, name);
    await exited;
  };
  const ready = waitUntil(
    `the app on port ${options.port} to answer`,
    async () => {
      const response = await fetch(`${url}/login`, { signal: AbortSignal.timeout(5000) });
      return response.status < 500 ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 300, describe: async () => lines.slice(-20).join("\n") },
  );
  const died = exited.then(() => {
    throw new Error(`The app on port ${options.port} exited during start-up:\n${lines.join("\n")}`);
  });
  try {
    await Promise.race([ready, died]);
  } catch (error) {
    await signal("SIGKILL");
    throw error;
  }
  void died.catch(() => {});
  return {
    url,
    port: options.port,
    logs: () => lines.join("\n"),
    logFile,
    kill: () => signal("SIGKILL"),
    async stop() {
      const timer = setTimeout(() => void signal("SIGKILL"), 10_000);
      await signal("SIGTERM");
      clearTimeout(timer);
    },
  };
}

/** Several instances at once; if one fails to start, the others are stopped before the error is thrown. */
export async function startFaultApps(list: Parameters<typeof startFaultApp>[0][]): Promise<FaultApp[]> {
  const settled = await Promise.allSettled(list.map((options) => startFaultApp(options)));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<FaultApp>).value);
  await Promise.all(settled.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
  throw failed.reason;
}

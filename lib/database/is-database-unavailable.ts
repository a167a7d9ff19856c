// Codes that mean "the database could not be reached or is restarting", as Prisma, adapter-pg,
// node-postgres and PostgreSQL report them. Such failures are worth a retry, never a 500.
// P2028: an interactive transaction that could not start or finish in its time (queued behind
// locks on a saturated database); nothing was committed, so it is a retry, not a 500.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection exceptions, 53300 too many connections.
const SQLSTATE = /^(57P0[123]|08\d{3}|53300)$/;
const MESSAGES = /Can't reach database server|Connection terminated|connection timeout|the database system is (shutting down|starting up|in recovery mode)|Timed out fetching a new connection|terminating connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth += 1) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : "";
    if (PRISMA_CODES.has(code) || NODE_CODES.has(code) || SQLSTATE.test(code)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

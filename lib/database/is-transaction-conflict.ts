// A deadlock or serialization failure: two transactions collided and PostgreSQL aborted one. Safe to
// retry, and for a person "someone else changed this at the same moment" (409), never a 500.
const SQLSTATE = /^(40P01|40001)$/;
const MESSAGES = /deadlock detected|could not serialize access|write conflict or a deadlock/i;

export function isTransactionConflict(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth += 1) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : "";
    if (code === "P2034" || SQLSTATE.test(code)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

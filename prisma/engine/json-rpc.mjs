import readline from "node:readline";

/**
 * JSON-RPC 2.0 over newline-delimited JSON, as the Prisma CLI speaks it with the native engine:
 * the CLI sends requests on stdin and reads responses on stdout, and the engine may itself send
 * requests to the CLI (only `print`, for `migrate diff` output).
 */

/** Error code and top-level message of the native engine's user-facing errors. */
const ENGINE_ERROR_CODE = 4466;
const ENGINE_ERROR_MESSAGE = "An error happened. Check the data field for details.";

/**
 * Shapes an error like the native engine does. The CLI reads `data`: `is_panic`, `message`, and
 * `error_code` when there is one (it then prints "P1001 ..." instead of a generic RPC dump).
 * @param {any} error
 * @param {{ panicMessage?: string | null }} [options]
 */
export function toRpcError(error, { panicMessage } = {}) {
  if (panicMessage) {
    return { code: ENGINE_ERROR_CODE, message: panicMessage, data: { is_panic: true, message: panicMessage, backtrace: error?.stack ?? null } };
  }
  const message = String(error?.message ?? error);
  const data = /^P\d{4}$/.test(error?.code ?? "")
    ? { is_panic: false, message, meta: error.meta ?? {}, error_code: error.code }
    : { is_panic: false, message, backtrace: null };
  return { code: ENGINE_ERROR_CODE, message: ENGINE_ERROR_MESSAGE, data };
}

/**
 * Serves requests from `input` one at a time (the engine is not re-entrant, and the CLI waits for
 * each answer anyway). `handle` returns the result or throws; `toError` turns a throw into a
 * JSON-RPC error object.
 * @param {{
 *   input: NodeJS.ReadableStream,
 *   output: NodeJS.WritableStream,
 *   handle: (method: string, params: any) => Promise<unknown>,
 *   toError: (error: unknown) => object,
 * }} options
 */
export function serveJsonRpc({ input, output, handle, toError }) {
  /** @type {Map<number, (message: any) => void>} */
  const pendingOutgoing = new Map();
  let nextOutgoingId = 1;
  let queue = Promise.resolve();
  let inputClosed = false;

  /** @param {object} message */
  const send = (message) => output.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");

  /** @param {{ id: unknown, method: string, params: unknown }} request */
  async function answer({ id, method, params }) {
    try {
      send({ id, result: (await handle(method, params)) ?? {} });
    } catch (error) {
      send({ id, error: toError(error) });
    }
  }

  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (typeof message.method === "string") {
      queue = queue.then(() => answer(message));
    } else if (pendingOutgoing.has(message.id)) {
      pendingOutgoing.get(message.id)?.(message);
      pendingOutgoing.delete(message.id);
    }
  });

  return {
    /** Resolves once stdin has ended and every request received has been answered. */
    finished: new Promise((resolve) =>
      lines.on("close", () => {
        // Nobody is left to answer the engine's own requests.
        inputClosed = true;
        for (const settle of pendingOutgoing.values()) settle({ error: new Error("stdin is closed.") });
        pendingOutgoing.clear();
        resolve(queue);
      }),
    ),
    /**
     * Sends a request to the CLI and waits for its answer.
     * @param {string} method
     * @param {unknown} params
     */
    request(method, params) {
      if (inputClosed) return Promise.reject(new Error(`Cannot send "${method}": stdin is closed.`));
      const id = nextOutgoingId++;
      return new Promise((resolve, reject) => {
        pendingOutgoing.set(id, (response) => (response.error ? reject(response.error) : resolve(response.result)));
        send({ id, method, params });
      });
    },
  };
}

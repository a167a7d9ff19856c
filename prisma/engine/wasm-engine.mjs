import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** @typedef {typeof import("@prisma/schema-engine-wasm")} WasmEngineModule */

// Resolve through the package's exports so the engine follows whatever version npm installed.
const gluePath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
const packageDir = gluePath.slice(0, gluePath.lastIndexOf("/") + 1);

/** The last panic message the engine reported; the trap that follows only says "unreachable". */
/** @type {string | null} */
let lastPanicMessage = null;

/** Returns and forgets the last reported panic message. */
export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  return message;
}

/**
 * Version string for `--version`. Read from package.json rather than the module so that
 * `prisma version` does not pay for compiling 5 MB of wasm. The CLI shows it verbatim; the
 * `schema-engine-cli <hash>` shape matches what the native binary prints.
 * @returns {Promise<string>}
 */
export async function engineVersionLine() {
  const { version } = JSON.parse(await readFile(packageDir + "package.json", "utf8"));
  const hash = version.slice(version.lastIndexOf(".") + 1);
  return `schema-engine-cli ${hash} (wasm bridge, @prisma/schema-engine-wasm ${version})`;
}

/**
 * Loads the official schema-engine wasm module. Its own entry point imports the `.wasm` file as
 * an ES module, which Node 20 cannot do without a flag, so the module is instantiated by hand
 * with the generated JS glue as its import object (which is what that entry point does).
 * @returns {Promise<WasmEngineModule>}
 */
export async function loadWasmEngine() {
  // The glue reports Rust panics through this global; it must exist before the module runs.
  /** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(/** @type {string} */ message) {
      lastPanicMessage = message;
    },
  };
  const glue = await import(gluePath);
  const bytes = await readFile(packageDir + "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  /** @type {any} */ (instance.exports).__wbindgen_start();
  return /** @type {WasmEngineModule} */ (/** @type {unknown} */ (glue));
}

#!/usr/bin/env node
/**
 * Stand-in for Prisma's native `schema-engine` binary, which the CLI downloads on first use and
 * which cannot be downloaded without network access. The CLI runs whatever
 * PRISMA_SCHEMA_ENGINE_BINARY names; this program speaks the binary's protocol and does the work
 * with the official wasm build of the same engine plus @prisma/adapter-pg.
 * Why and how: docs/adr/0001-prisma-cli-offline-through-wasm-engine.md.
 *
 *   schema-engine-bridge.mjs --version
 *   schema-engine-bridge.mjs --datasource '{"url":...}' cli <can-connect-to-database|create-database|drop-database>
 *   schema-engine-bridge.mjs [--datamodels <file>]... [--datasource <json>]   (JSON-RPC on stdin/stdout)
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { serveJsonRpc, toRpcError } from "./json-rpc.mjs";
import { offlineAdapterFactory } from "./offline-adapter.mjs";
import { BridgeAdapterFactory } from "./pg-adapter.mjs";
import { UserFacingError, createDatabase, dropDatabase, probeConnection } from "./pg-database.mjs";
import { engineVersionLine, loadWasmEngine, takePanicMessage } from "./wasm-engine.mjs";

/**
 * Logs in the native engine's format, one JSON object per stderr line. The CLI keeps the
 * messages to explain a crash, and reads `cli` command errors from `schema_engine::logger` lines.
 * @param {string} level
 * @param {string} message
 * @param {object} [fields]
 * @param {string} [target]
 */
function log(level, message, fields = {}, target = "schema_engine_bridge") {
  const entry = { timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target };
  process.stderr.write(JSON.stringify(entry) + "\n");
}

// A stray plain-text line on stderr (a Node warning) breaks the CLI's parsing of `cli` output.
process.removeAllListeners("warning");
process.on("warning", (warning) => log("WARN", warning.message));

/**
 * @param {string | undefined} url
 * @returns {string}
 */
function requireUrl(url) {
  if (!url) throw new Error("No datasource URL was passed to the schema engine; set datasource.url in prisma.config.ts.");
  return url;
}

/**
 * One-shot commands. The CLI drops the first stderr line (the native binary's start-up line),
 * then expects only JSON lines; failure is a non-zero exit plus an ERROR line with the code.
 * @param {string | undefined} command
 * @param {string | undefined} url
 */
async function runCliCommand(command, url) {
  log("INFO", `Starting schema engine bridge (cli ${command})`);
  try {
    const target = requireUrl(url);
    if (command === "can-connect-to-database") {
      await probeConnection(target);
      process.stdout.write("Connection successful\n");
    } else if (command === "create-database") {
      process.stdout.write(`Database '${await createDatabase(target)}' was successfully created.\n`);
    } else if (command === "drop-database") {
      process.stdout.write(`The database '${await dropDatabase(target)}' was successfully dropped.\n`);
    } else {
      throw new Error(`Unknown cli command: ${command}`);
    }
  } catch (error) {
    const { message, code } = /** @type {{ message: string, code?: string }} */ (error);
    log("ERROR", message, { is_panic: false, ...(/^P\d{4}$/.test(code ?? "") ? { error_code: code } : {}) }, "schema_engine::logger");
    process.exitCode = 1;
  }
}

/** The wasm engine's own methods that the CLI calls under the same name and parameters. */
const PASS_THROUGH = new Set([
  "applyMigrations", "dbExecute", "debugPanic", "ensureConnectionValidity", "introspect", "introspectSql",
  "markMigrationApplied", "markMigrationRolledBack", "reset", "schemaPush",
]);

/**
 * Long-running JSON-RPC mode.
 * @param {string[]} datamodelPaths
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource
 */
async function serve(datamodelPaths, datasource) {
  log("INFO", "Starting schema engine bridge (@prisma/schema-engine-wasm)");
  /** @type {[string, string][]} */
  const datamodels = await Promise.all(datamodelPaths.map(async (file) => /** @type {[string, string]} */ ([file, await readFile(file, "utf8")])));
  const factory = datasource.url ? new BridgeAdapterFactory({ url: datasource.url, shadowDatabaseUrl: datasource.shadowDatabaseUrl, log }) : null;
  const wasm = await loadWasmEngine();

  const forwardLog = (/** @type {string} */ line) => {
    try {
      process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), ...JSON.parse(line) }) + "\n");
    } catch {
      log("INFO", String(line).trim());
    }
  };

  /** @type {ReturnType<typeof bindMigrationAwareSqlAdapterFactory> | undefined} */
  let boundFactory;
  /**
   * A JavaScript error thrown inside the adapter (a shadow database that cannot be created, ...)
   * reaches the engine as a registry id, and its message as "External error id#0"; put the
   * original back so the user sees what went wrong.
   * @param {any} error
   */
  function withAdapterErrorExplained(error) {
    const id = /External error id#(\d+)/.exec(error?.message ?? "")?.[1];
    const cause = id === undefined ? undefined : boundFactory?.errorRegistry.consumeError(Number(id))?.error;
    if (!(cause instanceof Error)) return error;
    if (cause instanceof UserFacingError) return cause;
    return Object.assign(new Error(error.message.replace(`External error id#${id}`, cause.message)), { code: error.code });
  }

  /** Why the database cannot be used, once the engine has been opened without it. @type {Error | null} */
  let connectionError = null;
  async function openEngine() {
    /** @param {object} adapterFactory */
    const open = (adapterFactory) => {
      boundFactory = bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (adapterFactory));
      return wasm.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, forwardLog, boundFactory);
    };
    try {
      // Probing first gives the coded errors (P1001, P1003, ...) that the engine's own
      // connection errors lack, and fails within one connect timeout instead of two.
      await probeConnection(requireUrl(factory?.url));
    } catch (error) {
      connectionError = /** @type {Error} */ (error);
      return open(offlineAdapterFactory(connectionError));
    }
    return open(/** @type {BridgeAdapterFactory} */ (factory));
  }
  /** @type {Promise<import("@prisma/schema-engine-wasm").SchemaEngine> | undefined} */
  let enginePromise;
  /** @param {{ needsDatabase?: boolean }} [options] */
  async function engine({ needsDatabase = true } = {}) {
    const instance = await (enginePromise ??= openEngine()).catch((error) => Promise.reject(connectionError ?? error));
    if (needsDatabase && connectionError) throw connectionError;
    return instance;
  }

  // evaluateDataLoss and createMigration take the shadow database's schema from a cache that only
  // devDiagnostic / diagnoseMigrationHistory fill (with an adapter factory the engine never
  // builds it itself), so the bridge fills it when the CLI has not, for this migrations list.
  let shadowSchemaFor = "";
  const migrationsKey = (/** @type {any} */ list) => JSON.stringify([list?.migrationDirectories, list?.shadowDbInitScript]);

  /**
   * @param {string} method
   * @param {any} params
   */
  async function handle(method, params) {
    switch (method) {
      case "createDatabase":
        return { databaseName: await createDatabase(requireUrl(params?.datasource?.url ?? datasource.url)) };
      case "dropDatabase":
        return { databaseName: await dropDatabase(requireUrl(typeof params === "string" ? params : datasource.url)) };
      case "getDatabaseVersion":
        // The wasm engine takes no connection string here; it reports on the one it has.
        return (await engine()).version();
      case "diff": {
        const schemaOnly = [params.from, params.to].every((side) => side.tag === "empty" || side.tag === "schemaDatamodel");
        const { exitCode, stdout } = await (await engine({ needsDatabase: !schemaOnly })).diff(params);
        // The native engine prints the diff through the CLI instead of returning it.
        if (stdout != null) await rpc.request("print", { content: stdout });
        return { exitCode };
      }
      case "devDiagnostic":
      case "diagnoseMigrationHistory": {
        const result = await (await engine())[method](params);
        // devDiagnostic does not always build the shadow schema (not when it finds no drift), so
        // only an explicit shadow diagnosis counts as having filled the cache.
        if (method === "diagnoseMigrationHistory" && params.optInToShadowDatabase) shadowSchemaFor = migrationsKey(params.migrationsList);
        return result;
      }
      case "evaluateDataLoss":
      case "createMigration": {
        const instance = await engine();
        if (shadowSchemaFor !== migrationsKey(params.migrationsList)) {
          await instance.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
          shadowSchemaFor = migrationsKey(params.migrationsList);
        }
        return instance[method](params);
      }
      default:
        if (PASS_THROUGH.has(method)) return /** @type {any} */ (await engine())[method](params);
        throw new Error(`The schema engine bridge does not support the "${method}" method.`);
    }
  }

  const rpc = serveJsonRpc({
    input: process.stdin,
    output: process.stdout,
    handle,
    toError: (error) => toRpcError(withAdapterErrorExplained(error), { panicMessage: takePanicMessage() }),
  });

  // The CLI ends stdin and sends SIGTERM at once when it is done; shadow databases a failed or
  // interrupted run left behind are dropped before leaving either way.
  const shutdown = async () => {
    await factory?.dropLeftoverShadowDatabases();
    await new Promise((resolve) => process.stdout.write("", resolve)); // pipes are async on macOS
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  await rpc.finished;
  await shutdown();
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      datamodels: { type: "string", multiple: true },
      datasource: { type: "string" },
      version: { type: "boolean", short: "V" },
      // Accepted for compatibility with the native binary; the PostgreSQL path needs neither.
      "enabled-preview-features": { type: "string" },
      "extension-types": { type: "string" },
    },
    allowPositionals: true,
  });
  if (values.version) {
    process.stdout.write((await engineVersionLine()) + "\n");
    return;
  }
  const datasource = values.datasource ? JSON.parse(values.datasource) : {};
  if (positionals[0] === "cli") await runCliCommand(positionals[1], datasource.url);
  else await serve(values.datamodels ?? [], datasource);
}

/**
 * Last resort, so the CLI gets an explanation rather than a silent exit: it reports the last
 * ERROR line, and treats exit code 101 as an engine panic, as with the native binary.
 * @param {unknown} error
 */
function crash(error) {
  const panicMessage = takePanicMessage();
  const message = panicMessage ?? (error instanceof Error ? error.message : String(error));
  log("ERROR", message, { is_panic: panicMessage !== null, backtrace: error instanceof Error ? error.stack : undefined });
  process.exit(panicMessage === null ? 1 : 101);
}
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

await main();

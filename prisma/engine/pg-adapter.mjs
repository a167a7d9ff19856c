import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { UserFacingError, describeUrl, emptyDatabase, pgConfig, quoteIdent, runStatements, withDatabase } from "./pg-database.mjs";

const PG_CHAR_OID = 18; // PostgreSQL's internal one-byte "char" (pg_class.relkind, ...)
const PG_TEXT_OID = 25;

/**
 * Adjusts an adapter-pg adapter (or transaction) for the schema engine. The hook is adapter-pg's
 * `performIO`, an internal method: the versions are pinned, and the integration test fails if
 * it moves.
 *
 * - adapter-pg has no column type for PostgreSQL's internal `"char"`, which the engine reads from
 *   pg_catalog, and fails the whole query with "Unsupported column type". Its text form is the
 *   character itself, so reporting it as text is lossless.
 * - adapter-pg's `executeScript` splits the script on every `;` (breaking function bodies and
 *   string literals) and runs the pieces one by one, so a failing migration stays half applied.
 *   The native engine sends the whole script as one simple query, which PostgreSQL runs as one
 *   implicit transaction; an argument-less query goes out that way here too.
 * @template {object} T
 * @param {T} queryable
 * @returns {T}
 */
function adaptForSchemaEngine(queryable) {
  const q = /** @type {any} */ (queryable);
  if (typeof q.performIO !== "function") {
    throw new Error("@prisma/adapter-pg changed: performIO() is gone; update prisma/engine/pg-adapter.mjs");
  }
  const performIO = q.performIO.bind(q);
  q.performIO = async (/** @type {unknown} */ query) => {
    const result = await performIO(query);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  if (typeof q.executeScript === "function") {
    q.executeScript = async (/** @type {string} */ script) => {
      await q.performIO({ sql: script, args: [], argTypes: [] });
    };
  }
  if (typeof q.startTransaction === "function") {
    const startTransaction = q.startTransaction.bind(q);
    q.startTransaction = async (/** @type {unknown[]} */ ...args) => adaptForSchemaEngine(await startTransaction(...args));
  }
  return queryable;
}

/**
 * Driver adapter factory handed to the wasm engine: adapter-pg with the fixes above, and a shadow
 * database that is really separate from the main one.
 */
export class BridgeAdapterFactory {
  provider = /** @type {const} */ ("postgres");
  adapterName = "@prisma/adapter-pg";
  /** Shadow databases created and not dropped yet, so an interrupted run can still clean up. */
  #shadowDatabases = new Set();

  /**
   * @param {{ url: string, shadowDatabaseUrl?: string, log: (level: string, message: string) => void }} options
   */
  constructor({ url, shadowDatabaseUrl, log }) {
    this.url = url;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
    this.log = log;
  }

  /** @param {string} url */
  async #open(url) {
    const schema = describeUrl(url).schema;
    return adaptForSchemaEngine(await new PrismaPg(pgConfig(url), schema ? { schema } : undefined).connect());
  }

  async connect() {
    return this.#open(this.url);
  }

  /**
   * adapter-pg's own version creates the shadow database but then connects with the main
   * connection string (whose database wins over the one it sets), so the "shadow" migrations run
   * against the main database. This creates a throwaway database on the same server instead, or
   * uses `shadowDatabaseUrl` when configured, wiping it first as the native engine does.
   */
  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) {
      const main = describeUrl(this.url);
      const shadow = describeUrl(this.shadowDatabaseUrl);
      if (main.host === shadow.host && main.port === shadow.port && main.database === shadow.database) {
        // Emptying it would wipe the main database.
        throw new Error("The shadow database you configured appears to be the same as the main database. Please specify another shadow database.");
      }
      await emptyDatabase(this.shadowDatabaseUrl);
      return this.#open(this.shadowDatabaseUrl);
    }
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    try {
      await runStatements(this.url, [`CREATE DATABASE ${quoteIdent(name)}`]);
    } catch (error) {
      throw new UserFacingError(
        "P3014",
        `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases. Read more about the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow\n\nOriginal error: ${/** @type {Error} */ (error).message}`,
      );
    }
    this.#shadowDatabases.add(name);
    this.log("INFO", `Created shadow database ${name}`);
    const adapter = await this.#open(withDatabase(this.url, name)).catch(async (error) => {
      await this.#dropShadowDatabase(name);
      throw error;
    });
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await this.#dropShadowDatabase(name);
    };
    return adapter;
  }

  /** @param {string} name */
  async #dropShadowDatabase(name) {
    const drop = `DROP DATABASE IF EXISTS ${quoteIdent(name)}`;
    try {
      // After an interruption the engine's connections may still be open, and a plain DROP would
      // wait 5 s for them before failing. FORCE needs PostgreSQL 13; older servers get plain DROP.
      await runStatements(this.url, [`${drop} WITH (FORCE)`]).catch((/** @type {any} */ error) => {
        if (error?.code !== "42601") throw error;
        return runStatements(this.url, [drop]);
      });
      this.#shadowDatabases.delete(name);
      this.log("INFO", `Dropped shadow database ${name}`);
    } catch (error) {
      this.log("WARN", `Could not drop shadow database ${name}: ${/** @type {Error} */ (error).message}`);
    }
  }

  /** Drops shadow databases the engine did not dispose of (interrupted or failed runs). */
  async dropLeftoverShadowDatabases() {
    await Promise.all([...this.#shadowDatabases].map((name) => this.#dropShadowDatabase(name)));
  }
}

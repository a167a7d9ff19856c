import pg from "pg";

/**
 * Plain node-postgres work for the bridge: the engine's coded connection errors, and the
 * database-level commands that the wasm engine does not have (create, drop, empty).
 */

/** An error the CLI should show as is, with a Prisma error code (P1001, ...). */
export class UserFacingError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** @param {string} url */
export function describeUrl(url) {
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username) || "postgres";
  return {
    host: parsed.hostname,
    port: parsed.port || "5432",
    database: decodeURIComponent(parsed.pathname.slice(1)) || user,
    user,
    schema: parsed.searchParams.get("schema") ?? undefined,
  };
}

/**
 * Maps a node-postgres connection error to the error the native engine reports for it, so the
 * CLI's own handling works (migrate dev creates the database on P1003, for example).
 * @param {any} error
 * @param {string} url
 * @returns {UserFacingError | null}
 */
export function toUserFacingError(error, url) {
  const { host, port, database, user } = describeUrl(url);
  const address = `${host}:${port}`;
  const unreachable = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT"];
  // pg's connect timeouts carry no code: "timeout expired" (Client), "... connection timeout" (Pool).
  if (unreachable.includes(error?.code) || /timeout expired|connection timeout/i.test(error?.message ?? "")) {
    return new UserFacingError(
      "P1001",
      `Can't reach database server at \`${address}\`\n\nPlease make sure your database server is running at \`${address}\`.`,
    );
  }
  if (/Connection terminated unexpectedly/.test(error?.message ?? "")) {
    return new UserFacingError("P1017", `Server has closed the connection. (${address})`);
  }
  switch (error?.code) {
    case "3D000":
      return new UserFacingError("P1003", `Database \`${database}\` does not exist on the database server at \`${address}\`.`);
    case "28P01":
    case "28000":
      return new UserFacingError(
        "P1000",
        `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
      );
    case "42501":
      return new UserFacingError("P1010", `User \`${user}\` was denied access on the database \`${database}\``);
    case "42P04":
      return new UserFacingError("P1009", `Database \`${database}\` already exists on the database server at \`${address}\``);
    default:
      return null;
  }
}

/**
 * node-postgres options for a Prisma connection string: the native engine's 5 s connect timeout
 * (pg would otherwise wait for the OS, minutes for a dropped packet) and `?schema=` as search_path.
 * @param {string} url
 * @returns {pg.PoolConfig}
 */
export function pgConfig(url) {
  const parsed = new URL(url);
  const timeoutSeconds = Number(parsed.searchParams.get("connect_timeout") ?? 5);
  const schema = parsed.searchParams.get("schema");
  return {
    connectionString: url,
    connectionTimeoutMillis: timeoutSeconds * 1000,
    ...(schema ? { options: `-c search_path="${schema.replaceAll('"', '""')}"` } : {}),
  };
}

/**
 * @param {string} url
 * @param {string} database
 */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} name */
export const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * Opens a single connection; connection failures become user-facing errors that name
 * `reportedUrl`'s database (the one the user asked about).
 * @param {string} url
 * @param {string} [reportedUrl]
 */
async function connect(url, reportedUrl = url) {
  const client = new pg.Client(pgConfig(url));
  client.on("error", () => {}); // a dropped idle connection must not crash the bridge
  await client.connect().catch(async (error) => {
    await client.end().catch(() => {});
    throw toUserFacingError(error, reportedUrl) ?? error;
  });
  return client;
}

/**
 * Runs statements on a short-lived connection. Statement errors keep PostgreSQL's wording, but
 * for CREATE DATABASE finding the database there already (P1009).
 * @param {string} url
 * @param {string[]} statements
 * @param {string} [reportedUrl]
 */
export async function runStatements(url, statements, reportedUrl = url) {
  const client = await connect(url, reportedUrl);
  try {
    for (const sql of statements) {
      await client.query(sql).catch((error) => Promise.reject(error?.code === "42P04" ? toUserFacingError(error, reportedUrl) : error));
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** @param {string} url */
export async function probeConnection(url) {
  await runStatements(url, ["SELECT 1"]);
}

/**
 * CREATE/DROP DATABASE cannot run inside the database concerned, so they run from the server's
 * `postgres` maintenance database, falling back to `template1` like the native engine.
 * @param {string} url
 * @param {string} statement
 */
async function runOnMaintenanceDatabase(url, statement) {
  try {
    await runStatements(withDatabase(url, "postgres"), [statement], url);
  } catch (error) {
    if (!(error instanceof UserFacingError && error.code === "P1003")) throw error;
    await runStatements(withDatabase(url, "template1"), [statement], url);
  }
}

/** @param {string} url */
export async function createDatabase(url) {
  const { database } = describeUrl(url);
  await runOnMaintenanceDatabase(url, `CREATE DATABASE ${quoteIdent(database)}`);
  return database;
}

/** @param {string} url */
export async function dropDatabase(url) {
  const { database } = describeUrl(url);
  await runOnMaintenanceDatabase(url, `DROP DATABASE IF EXISTS ${quoteIdent(database)}`);
  return database;
}

/**
 * Empties a database: every non-system schema goes, `public` comes back.
 * @param {string} url
 */
export async function emptyDatabase(url) {
  const client = await connect(url);
  try {
    const { rows } = await client.query(
      `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS public`);
  } finally {
    await client.end().catch(() => {});
  }
}

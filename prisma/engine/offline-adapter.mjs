import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

/**
 * Driver adapter factory for when the database cannot be reached (or no URL is configured).
 * The wasm engine insists on a connection at start-up even though diffing two schema files never
 * touches the database, which the native engine does without one; this adapter answers only the
 * engine's start-up query so such diffs still work. Anything else fails with `reason`, and the
 * bridge does not forward database commands to an engine built on it in the first place.
 * @param {Error} reason the connection error to report
 */
export function offlineAdapterFactory(reason) {
  const fail = async () => {
    throw reason;
  };
  const adapter = {
    provider: /** @type {const} */ ("postgres"),
    adapterName: "schema-engine-bridge-offline",
    /** @param {{ sql: string }} query */
    async queryRaw(query) {
      // The start-up query: does the schema exist, version(), server_version_num. If a newer
      // engine asks something else, the diff fails with the connection error, as it did before.
      if (!/version\(\)/.test(query.sql)) throw reason;
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL (offline: schema-only operations)", 150000]],
      };
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: async () => adapter,
    connectToShadowDb: fail,
  };
}

import type { TestProject } from "vitest/node";
import { withDatabase } from "@/lib/database/database-url";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}

/** Integration tests use DATABASE_URL's server when set, else an embedded PostgreSQL. */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("testServerUrl", withDatabase(process.env.DATABASE_URL, "postgres"));
    return;
  }
  const server = await startEmbeddedPostgres({ dataDir: ".data/test-postgres", port: 54330 });
  project.provide("testServerUrl", server.serverUrl);
  return async () => server.stop();
}

import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db";
import { createMigratedDatabase } from "../migrated-database";

/**
 * The app's own modules (getDb, getEnv, Auth.js) pointed at this test file's database, for tests
 * that call pages, route handlers and server actions in-process. The file must also swap
 * next/headers (see request-scope.ts) and next/cache, which only exist inside a Next.js request:
 *   vi.mock("next/headers", async () => (await import("../helpers/security/request-scope")).fakeNextHeaders);
 *   vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
 */
export const IN_PROCESS_AUTH_SECRET = "in-process-app-auth-secret-0123456789abcdef";

export function setUpInProcessApp(): { db: () => Db; url: () => string } {
  let created: Awaited<ReturnType<typeof createMigratedDatabase>> | undefined;
  beforeAll(async () => {
    created = await createMigratedDatabase();
    // Before the first getEnv()/getDb(), which keep what they read for the process.
    process.env.DATABASE_URL = created.url;
    process.env.AUTH_SECRET = IN_PROCESS_AUTH_SECRET;
    // next.config.ts's experimental.authInterrupts, which forbidden() checks for.
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
    delete process.env.AUTH_URL;
  });
  afterAll(async () => {
    const { getDb } = await import("@/lib/db");
    await getDb().$disconnect();
    await created?.drop();
  });
  return {
    db: () => {
      if (!created) throw new Error("The database is created in beforeAll.");
      return created.db;
    },
    url: () => created!.url,
  };
}

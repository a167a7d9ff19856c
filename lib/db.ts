import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";

export type Db = PrismaClient;
/** A client or an interactive transaction: lib verbs accept either. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

const holder = globalThis as unknown as { sitrepDb?: Db };

/** The app's one Prisma client (kept across hot reloads in development). */
export function getDb(): Db {
  holder.sitrepDb ??= createDb(getEnv().DATABASE_URL);
  return holder.sitrepDb;
}

import { EnvError, getEnv } from "@/lib/env";

// Refuse to start with a missing or malformed environment, naming each variable at fault.
try {
  getEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`[sitrep] ${error.message}\nSee the environment table in README.md.`);
    process.exit(1);
  }
  throw error;
}

// Background workers run inside every app instance unless switched off (SITREP_WORKERS=off).
if (getEnv().SITREP_WORKERS === "on") {
  const [{ getDb }, { startIngestWorkers }] = await Promise.all([import("@/lib/db"), import("@/lib/ingest/start-ingest-workers")]);
  startIngestWorkers(getDb(), getEnv().DATABASE_URL).catch((error: unknown) => console.error("[sitrep] background workers failed to start", error));
}

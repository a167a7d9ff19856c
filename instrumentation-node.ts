import { parseLlmConfig } from "@/lib/drafting/llm/config";
import { EnvError, getEnv } from "@/lib/env";
import { stampPeerAddresses } from "@/lib/http/stamp-peer-address";

// Sign-in limits per IP need the socket's address, which Next.js does not hand to actions.
stampPeerAddresses();

// Refuse to start with a missing or malformed environment, naming each variable at fault.
try {
  getEnv();
  parseLlmConfig(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`[sitrep] ${error.message}\nSee the environment table in README.md.`);
    process.exit(1);
  }
  throw error;
}

// Background workers run inside every app instance unless switched off (SITREP_WORKERS=off), as
// when `npm run sitrep -- workers` runs them in processes of their own.
if (getEnv().SITREP_WORKERS === "on") {
  const [{ getDb }, { startWorkers }] = await Promise.all([import("@/lib/db"), import("@/lib/workers/start-workers")]);
  startWorkers(getDb(), getEnv().DATABASE_URL).catch((error: unknown) => console.error("[sitrep] background workers failed to start", error));
}

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

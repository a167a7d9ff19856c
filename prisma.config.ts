import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI downloads a native schema engine, which fails offline; the bridge speaks the
// same protocol through the bundled wasm engine (docs/adr/0001). A native binary set by the user wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, "prisma/engine/schema-engine-bridge.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Prisma 7 does not load .env, and env() throws when the variable is unset.
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:54329/sitrep",
  },
});

import { createDb } from "@/lib/db";
import { formatCredentials, seedDemo } from "@/lib/seed/seed-demo";

// Run by `prisma migrate reset` and `prisma db seed`; `npm run db:seed` does the same through the CLI.
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required to seed.");
const db = createDb(url);
const { credentials } = await seedDemo(db, { password: process.env.DEMO_PASSWORD });
console.log(formatCredentials(credentials));
await db.$disconnect();

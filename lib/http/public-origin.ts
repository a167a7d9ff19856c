import { headers } from "next/headers";

/** The origin people reach this app at: AUTH_URL when set, else what the request says (behind a proxy, its forwarded headers). */
export async function findPublicOrigin(): Promise<string> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
}

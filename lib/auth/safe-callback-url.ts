/**
 * Where to go after sign-in. Auth.js builds callbackUrl with its own idea of the host, and any
 * absolute URL here would be an open redirect, so only a same-site path and query survive.
 */
export function safeCallbackUrl(raw: unknown, fallback = "/incidents"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(raw, "http://sitrep.invalid");
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/login") || path.startsWith("/api/")) return fallback;
  return path;
}

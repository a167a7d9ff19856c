import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Tokens a delivery presents: `Authorization: Bearer <t>`, HTTP basic auth (the password is the
 * token, whatever the user name), or a custom header the integration names.
 */
export function extractPresentedTokens(headers: Record<string, string>, tokenHeader: string | null): string[] {
  const found: string[] = [];
  const authorization = headers["authorization"]?.trim() ?? "";
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization);
  if (bearer?.[1]) found.push(bearer[1].trim());
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon >= 0) found.push(decoded.slice(colon + 1));
  }
  const custom = tokenHeader ? headers[tokenHeader.toLowerCase()]?.trim() : undefined;
  if (custom) found.push(custom);
  return found.filter((token) => token.length > 0);
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * True when any presented token equals any configured one. Comparing fixed-size digests in
 * constant time, and always comparing every pair, keeps timing from revealing a token's length
 * or how much of it matched.
 */
export function matchesAnyToken(presented: string[], configured: string[]): boolean {
  let matched = false;
  for (const candidate of presented) {
    const a = digest(candidate);
    for (const token of configured) {
      if (timingSafeEqual(a, digest(token)) && token.length > 0) matched = true;
    }
  }
  return matched;
}

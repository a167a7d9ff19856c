import { createHash, randomBytes } from "node:crypto";

const PREFIX = "sitrep_";

/** A new API token: shown once to its creator; only its SHA-256 is stored. */
export function generateTokenSecret(): { token: string; hash: string; prefix: string } {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashTokenSecret(token), prefix: token.slice(0, PREFIX.length + 6) };
}

// Tokens carry 256 random bits, so a fast hash is enough; looking up by hash means the secret
// itself is never compared byte by byte in application code.
export function hashTokenSecret(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

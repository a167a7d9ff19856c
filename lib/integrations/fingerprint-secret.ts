import { createHash } from "node:crypto";

/** A short, non-reversible name for a secret, so it can be shown, audited and removed. */
export function fingerprintSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 10);
}

import { createHmac, timingSafeEqual } from "node:crypto";

// PagerDuty v3 webhooks (developer docs, "Verifying Signatures"): X-PagerDuty-Signature holds one or
// more comma-separated "v1=<hex HMAC-SHA256 of the raw body>" entries, one per signing secret while a
// secret rotates; a delivery is authentic when any v1 entry matches.
export const PAGERDUTY_SIGNATURE_HEADER = "x-pagerduty-signature";

// Bounds the work a forged header can cause; PagerDuty sends one entry, two while rotating.
const MAX_SIGNATURES = 8;

export type PagerDutySignatureCheck = {
  body: Buffer;
  /** Request headers; names are matched case-insensitively. */
  headers: Record<string, string>;
  /** Every secret currently accepted (more than one while rotating). */
  secrets: string[];
};

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

function readHeader(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** Verifies a PagerDuty v3 webhook delivery against any of the configured secrets. */
export function verifyPagerDutySignature({ body, headers, secrets }: PagerDutySignatureCheck): SignatureVerdict {
  const usable = secrets.filter((secret) => secret.length > 0);
  if (usable.length === 0) return { ok: false, reason: "no PagerDuty signing secret is configured" };

  const header = readHeader(headers, PAGERDUTY_SIGNATURE_HEADER)?.trim();
  if (!header) return { ok: false, reason: "missing X-PagerDuty-Signature header" };

  // Other schemes are skipped, not refused, so a future version can be added alongside v1.
  const v1 = header
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith("v1="))
    .map((entry) => entry.slice(3))
    .slice(0, MAX_SIGNATURES);
  if (v1.length === 0) return { ok: false, reason: "X-PagerDuty-Signature has no v1 signature" };

  // A SHA-256 HMAC is always 64 hex characters; the length is public, so skipping others leaks nothing.
  const presented = v1.filter((hex) => /^[0-9a-f]{64}$/i.test(hex)).map((hex) => Buffer.from(hex, "hex"));
  if (presented.length === 0) return { ok: false, reason: "malformed v1 signature: expected 64 hex characters" };

  let matched = false;
  // Every pair is compared even after a match, so timing does not tell which secret matched.
  for (const secret of usable) {
    const expected = createHmac("sha256", secret).update(body).digest();
    for (const candidate of presented) if (timingSafeEqual(expected, candidate)) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: "no v1 signature matches a configured secret" };
}

import { createHmac, timingSafeEqual } from "node:crypto";

// Grafana's webhook "HMAC Signature" option (grafana/alerting http/hmac.go): the header carries the
// bare lower-case hex HMAC-SHA256 (no "sha256=" prefix) of the body, or of "<unix seconds>:<body>"
// when a timestamp header is configured. The signature header defaults to
// X-Grafana-Alerting-Signature; early releases of that code defaulted to X-Grafana-Alert-Signature.
// The timestamp header has no default; X-Grafana-Alerting-Timestamp is the name Grafana's docs use.
export const GRAFANA_SIGNATURE_HEADERS = ["x-grafana-alerting-signature", "x-grafana-alert-signature"];
export const GRAFANA_TIMESTAMP_HEADER = "x-grafana-alerting-timestamp";

export type GrafanaSignatureCheck = {
  body: Buffer;
  /** Request headers; names are matched case-insensitively. */
  headers: Record<string, string>;
  /** Every secret currently accepted (more than one while rotating). */
  secrets: string[];
  now: Date;
  maxSkewSeconds?: number;
  /** Override when the contact point names its own headers. */
  signatureHeader?: string;
  timestampHeader?: string;
  /** Refuse body-only signatures, which can be replayed forever. */
  requireTimestamp?: boolean;
};

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

function readHeader(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value.trim();
  return undefined;
}

/** Verifies a Grafana Alerting webhook delivery against any of the configured secrets. */
export function verifyGrafanaSignature({
  body,
  headers,
  secrets,
  now,
  maxSkewSeconds = 300,
  signatureHeader,
  timestampHeader = GRAFANA_TIMESTAMP_HEADER,
  requireTimestamp = false,
}: GrafanaSignatureCheck): SignatureVerdict {
  const usable = secrets.filter((secret) => secret.length > 0);
  if (usable.length === 0) return { ok: false, reason: "no Grafana signing secret is configured" };

  const names = signatureHeader ? [signatureHeader] : GRAFANA_SIGNATURE_HEADERS;
  const signature = names.map((name) => readHeader(headers, name)).find((value) => value !== undefined);
  if (signature === undefined || signature === "") return { ok: false, reason: `missing ${names[0]} header` };
  // A SHA-256 HMAC is always 64 hex characters; the length is public, so rejecting others leaks nothing.
  if (!/^[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: "malformed signature: expected 64 hex characters" };

  const timestamp = readHeader(headers, timestampHeader);
  let prefix = "";
  if (timestamp !== undefined) {
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: `malformed ${timestampHeader} header: expected Unix seconds` };
    const skew = Number(timestamp) - Math.floor(now.getTime() / 1000);
    if (skew < -maxSkewSeconds) return { ok: false, reason: `stale timestamp: signed ${-skew}s ago, more than ${maxSkewSeconds}s` };
    if (skew > maxSkewSeconds) return { ok: false, reason: `timestamp ${skew}s in the future, more than ${maxSkewSeconds}s` };
    prefix = `${timestamp}:`;
  } else if (requireTimestamp) {
    return { ok: false, reason: `missing ${timestampHeader} header` };
  }

  const presented = Buffer.from(signature, "hex");
  let matched = false;
  // Every secret is tried even after a match, so timing does not tell which one matched.
  for (const secret of usable) {
    const expected = createHmac("sha256", secret).update(prefix).update(body).digest();
    if (timingSafeEqual(expected, presented)) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: "signature does not match any configured secret" };
}

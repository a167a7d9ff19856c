import { isIP } from "node:net";

/**
 * Set on every request from the TCP socket's address (lib/http/stamp-peer-address.ts), replacing
 * whatever a client sent under that name. Next.js itself keeps a client's own X-Forwarded-For
 * when one is sent, so without a proxy that header is the client's to choose.
 */
export const PEER_ADDRESS_HEADER = "x-sitrep-peer-address";

/** IPv6 addresses are counted by their /64, the block one subscriber is usually given. */
function ipv6Block(ip: string): string {
  const [head = "", tail] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(":")}::/64`;
}

/** An address as a rate-limit key, or null when the text is not an IP address. */
export function normaliseIp(raw: string | null | undefined): string | null {
  let text = raw?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.split("%")[0] ?? "";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped?.[1]) text = mapped[1];
  const version = isIP(text);
  if (version === 4) return text;
  if (version === 6) return ipv6Block(text.toLowerCase());
  return null;
}

/**
 * The client's address. With `trustProxy` = 0 (no proxy in front), only the socket counts: a
 * forwarded header would let a client pick its own key, or put someone else's address on the
 * limit. With N trusted proxies, each appending to X-Forwarded-For, the client is the Nth entry
 * from the right (X-Real-IP when there is no such header).
 */
export function findClientIp(headers: Headers, trustProxy: number): string | null {
  const peer = normaliseIp(headers.get(PEER_ADDRESS_HEADER));
  if (trustProxy <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (forwarded.length > 0) return normaliseIp(forwarded[Math.max(0, forwarded.length - trustProxy)]);
  return normaliseIp(headers.get("x-real-ip")) ?? peer;
}

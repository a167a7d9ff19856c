import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// 128 random bits name the link; the HMAC proves Sitrep issued that name. base64url of 16 bytes is 22 characters, of 32 bytes 43.
const ID_BYTES = 16;
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function sign(secret: string, id: string): Buffer {
  return createHmac("sha256", secret).update(`sitrep-share-link:${id}`).digest();
}

export function newShareLinkId(): string {
  return randomBytes(ID_BYTES).toString("base64url");
}

/** The token in a `/status/<token>` URL: the link's id and its signature. */
export function formatShareToken(secret: string, id: string): string {
  return `${id}.${sign(secret, id).toString("base64url")}`;
}

/**
 * The link id a token names, or null when the token is malformed or its signature is wrong (a
 * guessed or altered token), decided without asking the database and in constant time.
 */
export function parseShareToken(secret: string, token: string): string | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, id, signature] = match as unknown as [string, string, string];
  // Compared as the canonical text, so the spare bits of the last character cannot make a second spelling of one token.
  const given = Buffer.from(signature);
  const expected = Buffer.from(sign(secret, id).toString("base64url"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type LimitedBody = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true };

/**
 * Reads a request body, refusing it as soon as it passes the limit rather than buffering an
 * arbitrarily large upload first (a lying or absent Content-Length is not trusted).
 */
export async function readLimitedBody(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(Buffer.from(value));
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

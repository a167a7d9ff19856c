import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http/read-limited-body";

/** A JSON request body within a size limit, or a typed 4xx that says what was wrong. */
export async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
  if (!/\bjson\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("INVALID_INPUT", "Send a JSON body with Content-Type: application/json.");
  }
  const body = await readLimitedBody(request, limitBytes);
  if (!body.ok) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${limitBytes} bytes.`);
  try {
    return JSON.parse(body.bytes.toString("utf8")) as unknown;
  } catch (error) {
    throw new AppError("INVALID_INPUT", `Malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A JSON object body (not an array, string or null), for routes whose fields are read by name. */
export async function readJsonObject(request: Request, limitBytes = 1024 * 1024): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, limitBytes);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("INVALID_INPUT", "The body must be a JSON object.");
  return body as Record<string, unknown>;
}

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

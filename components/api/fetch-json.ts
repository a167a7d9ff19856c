/** A refusal from the API, with the code, message and details the route sent (field, theirs, …). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Calls one of Sitrep's JSON routes from the browser and unwraps `{ data }`, or throws ApiError with the server's reason. */
export async function fetchJson<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "Sitrep cannot be reached; your text is kept in this browser and saved when the connection is back.");
  }
  const payload = (await response.json().catch(() => null)) as { data?: T; error?: { code: string; message: string; details?: Record<string, unknown> } } | null;
  if (!response.ok || !payload || payload.error) {
    const error = payload?.error;
    throw new ApiError(response.status, error?.code ?? "HTTP", error?.message ?? `The server answered ${response.status}.`, error?.details ?? {});
  }
  return payload.data as T;
}

import type { Actor } from "@/lib/authz";
import { getSessionActor } from "@/lib/auth/session-actor";
import { getDb } from "@/lib/db";
import { authenticateToken } from "@/lib/tokens/authenticate-token";

/** API callers authenticate with `Authorization: Bearer <token>` (its use audited once a minute) or, from the browser, the session. */
export async function authenticateRequest(request: Request, requestId?: string): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ? authenticateToken(getDb(), match[1], { what: `${request.method} ${new URL(request.url).pathname}`, requestId }) : null;
  }
  return getSessionActor();
}

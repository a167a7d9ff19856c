import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";

let isSubscribed = false;

/**
 * Next.js gives route handlers and server actions the request's headers but not its socket. Node
 * announces every HTTP request on this channel before the server's "request" event, so the
 * socket's address is written into a header here, over anything a client sent under that name.
 * Called once, from instrumentation-node.ts.
 */
export function stampPeerAddresses(): void {
  if (isSubscribed) return;
  isSubscribed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    if (socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
}

import http from "node:http";
import https from "node:https";

// Next (16.x) hands app code no socket address: `next start` fills `x-forwarded-for` with it only when
// the client sent none, so a client that sends its own hides the real one. This stamps the address of
// the TCP peer on every request, in a header of our own, before Next sees the request; a copy the
// client sent is overwritten. Installed once per process from instrumentation.ts (same process as
// the HTTP server); readers trust the header only when the stamp is installed.
export const PEER_ADDRESS_HEADER = "x-nerava-peer-address";
const INSTALLED = Symbol.for("nerava.peerAddressStamp");

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

export function installPeerAddressStamp(): void {
  const g = globalThis as { [INSTALLED]?: boolean };
  if (g[INSTALLED]) return;
  for (const server of [http.Server.prototype, https.Server.prototype] as Array<{ emit: Emit }>) {
    const emit = server.emit;
    server.emit = function stampPeerAddress(this: unknown, event, ...args) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
  }
  g[INSTALLED] = true;
}

export function peerAddressStampInstalled(): boolean {
  return (globalThis as { [INSTALLED]?: boolean })[INSTALLED] === true;
}

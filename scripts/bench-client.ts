// The load generator's HTTP client for bench:ledger: node:http with keep-alive sockets, one per
// client. It shares the two cores with the app and PostgreSQL, so what it spends is taken from
// them: with fetch it spent 1.30–1.54 ms of CPU a grant and 0.44–0.54 a health request (web
// streams, an abort signal per request), with this client 0.50–0.62 and 0.13–0.16
// (docs/performance.md).
import http from "node:http";
import https from "node:https";

export type BenchAnswer = { status: number; text: string };

export function benchClient(base: URL, sockets: number, timeoutMs: number) {
  const transport = base.protocol === "https:" ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: sockets });
  return function send(method: string, path: string, headers: Record<string, string>, body?: string) {
    return new Promise<BenchAnswer>((resolve, reject) => {
      const req = transport.request(
        {
          host: base.hostname,
          port: base.port,
          path,
          method,
          agent,
          timeout: timeoutMs,
          headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(body);
    });
  };
}

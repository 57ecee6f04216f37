import { randomUUID } from "node:crypto";
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";

// APNs's HTTP/2 provider API on 127.0.0.1: TLS that demands a client certificate chaining to the
// given CA (as Apple demands the Pass Type ID certificate), POST /3/device/<token>, and per-token
// answers: 410 Unregistered, 400 BadDeviceToken, 500, 429, or no answer at all (a hang).

export type FakeApnsPush = {
  pushToken: string;
  topic: string | undefined;
  headers: http2.IncomingHttpHeaders;
  body: string;
  /** The client certificate's subject (CN, UID…), as the server saw it. */
  clientSubject: Record<string, string>;
};

export type FakeApnsOutcome = "ok" | "unregistered" | "bad-token" | "server-error" | "too-many" | "hang";

export type FakeApns = {
  /** The APNS_URL to use, https://127.0.0.1:<port>. */
  url: string;
  port: number;
  pushes: FakeApnsPush[];
  /** Answers pushes to `token` this way (`times` pushes, every push when absent); "ok" clears it. */
  outcome(token: string, outcome: FakeApnsOutcome, times?: number): void;
  /** Runs (awaited) as each push arrives, before the answer: a test can change the world meanwhile. */
  onPush?: (push: FakeApnsPush) => Promise<void> | void;
  reset(): void;
  close(): Promise<void>;
};

const ANSWERS: Record<Exclude<FakeApnsOutcome, "ok" | "hang">, { status: number; reason: string }> = {
  unregistered: { status: 410, reason: "Unregistered" },
  "bad-token": { status: 400, reason: "BadDeviceToken" },
  "server-error": { status: 500, reason: "InternalServerError" },
  "too-many": { status: 429, reason: "TooManyRequests" },
};

export async function startFakeApns(opts: { port?: number; key: string; cert: string; ca: string }): Promise<FakeApns> {
  const outcomes = new Map<string, { outcome: FakeApnsOutcome; times: number }>();
  const sessions = new Set<http2.ServerHttp2Session>();
  const server = http2.createSecureServer({
    key: opts.key,
    cert: opts.cert,
    ca: opts.ca,
    requestCert: true,
    rejectUnauthorized: true,
  });
  server.on("session", (s) => {
    sessions.add(s);
    s.on("close", () => sessions.delete(s));
  });

  const fake: FakeApns = {
    url: "",
    port: 0,
    pushes: [],
    outcome(token, outcome, times = Infinity) {
      if (outcome === "ok") outcomes.delete(token);
      else outcomes.set(token, { outcome, times });
    },
    reset() {
      outcomes.clear();
      fake.pushes.length = 0;
      fake.onPush = undefined;
    },
    async close() {
      for (const s of sessions) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  server.on("stream", (stream, headers) => {
    const path = String(headers[":path"] ?? "");
    const match = /^\/3\/device\/([^/?]+)$/.exec(path);
    let body = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (body += chunk));
    stream.on("end", async () => {
      const answer = (status: number, json?: unknown) => {
        if (stream.closed) return;
        stream.respond({ ":status": status, "apns-id": randomUUID(), "content-type": "application/json" });
        stream.end(json === undefined ? undefined : JSON.stringify(json));
      };
      if (headers[":method"] !== "POST" || !match) return answer(404, { reason: "BadPath" });
      const peer = (stream.session?.socket as TLSSocket | undefined)?.getPeerCertificate();
      const push: FakeApnsPush = {
        pushToken: decodeURIComponent(match[1]),
        topic: headers["apns-topic"] as string | undefined,
        headers,
        body,
        clientSubject: { ...(peer?.subject ?? {}) } as Record<string, string>,
      };
      fake.pushes.push(push);
      await fake.onPush?.(push);
      if (!push.topic) return answer(400, { reason: "MissingTopic" });
      const rule = outcomes.get(push.pushToken);
      if (rule && --rule.times <= 0) outcomes.delete(push.pushToken);
      if (!rule) return answer(200);
      if (rule.outcome === "hang") return; // never answers: the client's timeout decides
      const { status, reason } = ANSWERS[rule.outcome as keyof typeof ANSWERS];
      answer(status, status === 410 ? { reason, timestamp: Date.now() } : { reason });
    });
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  fake.port = (server.address() as AddressInfo).port;
  fake.url = `https://127.0.0.1:${fake.port}`;
  return fake;
}

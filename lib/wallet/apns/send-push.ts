import "server-only";
import http2 from "node:http2";
import pRetry from "p-retry";
import type { ApnsSettings } from "./settings";
import { withApnsSession } from "./session";

export type PushOutcome =
  | { kind: "sent" }
  /** 410 Unregistered or 400 BadDeviceToken: the token is dead, its registrations go. */
  | { kind: "unregistered"; status: number; reason: string }
  /** 429, 5xx, a timeout or a broken connection, still failing after the in-process retries. */
  | { kind: "retry_later"; status?: number; reason: string }
  /** Any other refusal (bad topic, certificate, payload): retrying the same push cannot help. */
  | { kind: "rejected"; status?: number; reason: string };

export type PushOptions = { timeoutMs?: number; retries?: number };

type Answer = { status: number; reason: string };

class Transient extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** A timeout is not retried in-process: a hung APNs would hold the sweep for every driver. */
    readonly retryNow = true,
  ) {
    super(message);
  }
}

/** One POST /3/device/<token>: answers with APNs's status and reason, or throws on a timeout or a dropped stream. */
function post(session: http2.ClientHttp2Session, topic: string, token: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = session.request({
      ":method": "POST",
      ":path": `/3/device/${encodeURIComponent(token)}`,
      "apns-topic": topic,
      "content-type": "application/json",
    });
    let status = 0;
    let body = "";
    req.setEncoding("utf8");
    req.setTimeout(timeoutMs, () => {
      req.close(http2.constants.NGHTTP2_CANCEL);
      reject(new Transient(`APNs did not answer within ${timeoutMs} ms`, undefined, false));
    });
    req.on("response", (headers) => (status = Number(headers[":status"])));
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve({ status, reason: reasonOf(body) }));
    req.on("error", (err) => reject(new Transient(`APNs stream failed: ${err.message}`)));
    // Wallet's documented payload is an empty JSON dictionary; the pass itself carries the notice
    req.end("{}");
  });
}

function reasonOf(body: string): string {
  try {
    const reason = (JSON.parse(body) as { reason?: unknown }).reason;
    return typeof reason === "string" ? reason : "";
  } catch {
    return "";
  }
}

/**
 * Tells one device that the pass changed. No `apns-push-type`: Apple documents none for pass
 * updates, and `background` requires an app's bundle id as the topic.
 */
export async function sendPassPush(
  settings: ApnsSettings,
  token: string,
  opts: PushOptions = {},
): Promise<PushOutcome> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  try {
    const answer = await pRetry(
      async () => {
        const a = await withApnsSession(settings, (session) => post(session, settings.topic, token, timeoutMs));
        if (a.status === 429 || a.status >= 500) throw new Transient(a.reason || `APNs answered ${a.status}`, a.status);
        return a;
      },
      {
        retries: opts.retries ?? 2,
        minTimeout: 200,
        factor: 2,
        shouldRetry: ({ error }) => error instanceof Transient && error.retryNow,
      },
    );
    if (answer.status === 200) return { kind: "sent" };
    if (answer.status === 410 || (answer.status === 400 && answer.reason === "BadDeviceToken"))
      return { kind: "unregistered", status: answer.status, reason: answer.reason || "Unregistered" };
    return { kind: "rejected", status: answer.status, reason: answer.reason || `APNs answered ${answer.status}` };
  } catch (err) {
    // a refused TLS handshake or an unreachable host fails the stream: the next sweep reconnects
    if (err instanceof Transient) return { kind: "retry_later", status: err.status, reason: err.message };
    // the certificate or key cannot be used at all (bad PEM, wrong passphrase): waiting cannot help
    return { kind: "rejected", reason: `APNs client not usable: ${(err as Error).message}` };
  }
}

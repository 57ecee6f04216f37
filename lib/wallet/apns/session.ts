import "server-only";
import { createHash } from "node:crypto";
import http2 from "node:http2";
import { logger } from "@/lib/observability";
import type { ApnsSettings } from "./settings";

type Held = { key: string; session: http2.ClientHttp2Session; inFlight: number };

// One HTTP/2 connection per process, shared by every bundle: Apple asks providers to keep their
// connection open rather than reconnect per push.
const globalForApns = globalThis as unknown as { nervaApns?: Held };

const keyOf = (s: ApnsSettings) =>
  createHash("sha256")
    .update(JSON.stringify([s.url, s.cert, s.key, s.ca ?? ""]))
    .digest("hex");

function connect(settings: ApnsSettings, key: string): Held {
  const session = http2.connect(settings.url, {
    cert: settings.cert,
    key: settings.key,
    passphrase: settings.passphrase,
    ca: settings.ca,
  });
  const held: Held = { key, session, inFlight: 0 };
  // a closed, refused or erroring connection is dropped; the next push opens a new one
  const forget = () => {
    if (globalForApns.nervaApns === held) globalForApns.nervaApns = undefined;
  };
  session.on("goaway", forget);
  session.on("close", forget);
  session.on("error", (err) => {
    forget();
    logger.warn({ err }, "APNs connection failed");
  });
  session.unref(); // an idle connection does not keep a script alive
  return held;
}

function current(settings: ApnsSettings): Held {
  const key = keyOf(settings);
  const held = globalForApns.nervaApns;
  if (held && held.key === key && !held.session.closed && !held.session.destroyed) return held;
  held?.session.close(); // settings changed: the old connection finishes its streams and ends
  globalForApns.nervaApns = connect(settings, key);
  return globalForApns.nervaApns;
}

/** Runs `fn` on the shared session, holding the process open while the request is in flight. */
export async function withApnsSession<T>(
  settings: ApnsSettings,
  fn: (session: http2.ClientHttp2Session) => Promise<T>,
): Promise<T> {
  const held = current(settings);
  if (held.inFlight++ === 0) held.session.ref();
  try {
    return await fn(held.session);
  } finally {
    if (--held.inFlight === 0 && !held.session.destroyed) held.session.unref();
  }
}

/** Closes the shared connection (tests, shutdown). */
export async function closeApnsSession(): Promise<void> {
  const held = globalForApns.nervaApns;
  globalForApns.nervaApns = undefined;
  if (!held || held.session.destroyed) return;
  await new Promise<void>((resolve) => held.session.close(resolve));
}

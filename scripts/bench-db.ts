// Shared by the bench scripts: they create and drop databases, so only on a local server.
import pg from "pg";

const LOCAL = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** `raw` as a URL, refused unless it points at this machine. */
export function localServer(raw: string | undefined, what: string): URL {
  if (!raw) throw new Error(`needs ${what}.`);
  const url = new URL(raw);
  if (!LOCAL.has(url.hostname)) throw new Error(`Refusing to use ${what} on non-local host "${url.hostname}".`);
  return url;
}

/** One admin connection to `server` for `fn`, closed afterwards. */
export async function onServer<T>(server: URL, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

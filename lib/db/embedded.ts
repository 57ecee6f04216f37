import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";

// Embedded PostgreSQL (PGlite) served over the wire protocol, so the app and every
// script use the same adapter-pg code path whether or not a real server exists.
import { keepBatchesTogether } from "./embedded-batches";
import { EMBEDDED_PORT, EMBEDDED_URL } from "./embedded-url";
import { pgliteExtensions } from "./pglite-extensions";

export { EMBEDDED_PORT, EMBEDDED_URL };
export const EMBEDDED_DATA_DIR = path.resolve(process.env.EMBEDDED_DB_DIR ?? ".data/pglite");

export type EmbeddedServer = { url: string; isNew: boolean; stop: () => Promise<void> };

export async function isPortOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Opens (creating on first use) a PGlite folder and serves it on a local port; port 0 takes one the
 * system knows is free (a random pick could land on a port in use: tests saw EADDRINUSE).
 */
export async function startEmbeddedPostgres({
  dataDir = EMBEDDED_DATA_DIR,
  port = EMBEDDED_PORT,
}: { dataDir?: string; port?: number } = {}): Promise<EmbeddedServer> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const { existsSync } = await import("node:fs");
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { extensions: await pgliteExtensions() });
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 32 });
  keepBatchesTogether(server);
  await server.start();
  const bound = server.getServerConn().split(":").at(-1);
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${bound}/postgres`,
    isNew,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // Closing cleanly avoids crash recovery on the next open.
      await db.close();
    },
  };
}

/**
 * For scripts: DATABASE_URL when set; otherwise the embedded server, reusing the one
 * `npm run dev` is serving or starting it for the script's lifetime.
 */
export async function acquireDatabaseUrl(): Promise<{ url: string; release: () => Promise<void>; isNew: boolean }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => {}, isNew: false };
  if (await isPortOpen(EMBEDDED_PORT)) return { url: EMBEDDED_URL, release: async () => {}, isNew: false };
  const server = await startEmbeddedPostgres();
  return { url: server.url, release: server.stop, isNew: server.isNew };
}

// pglite-socket (0.2.17) runs the frontend messages of all connections through one PGlite session,
// one message at a time, keeping a connection's turn only while a transaction is open. The
// extended query protocol's Parse/Bind/Describe/Execute batch lives until its Sync, so two
// connections' batches interleaved: one bound the other's unnamed statement — a 08P01 error, or
// silently the other query's rows (electric-sql/pglite#1046, #977). This keeps a connection's
// turn from its first extended message until its Sync as well.
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

type Queued = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (err: Error) => void;
  onData: (data: Uint8Array) => void;
};
type Db = {
  isInTransaction(): boolean;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(message: Uint8Array, opts: { onRawData: (d: Uint8Array) => void }): Promise<unknown>;
};
type Queue = {
  queue: Queued[];
  processing: boolean;
  db: Db;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
};

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush

export function keepBatchesTogether(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue?: Queue }).queryQueue;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue))
    throw new Error("pglite-socket changed: check lib/db/embedded-batches.ts against its QueryQueueManager");
  let batchOwner: number | null = null;

  /** The next message to run: the batch owner's, then the open transaction's, else the oldest. */
  const next = (): Queued | null => {
    const owner = batchOwner ?? (q.db.isInTransaction() ? q.lastHandlerId : null);
    if (owner === null) return q.queue.shift() ?? null;
    const i = q.queue.findIndex((m) => m.handlerId === owner);
    return i === -1 ? null : q.queue.splice(i, 1)[0]; // wait for the owner's next message
  };

  q.processQueue = async function processQueue() {
    if (q.processing || q.queue.length === 0) return;
    q.processing = true;
    try {
      for (let msg = next(); msg; msg = next()) {
        const type = msg.message[0];
        let bytes = 0;
        try {
          await q.db.runExclusive(() =>
            q.db.execProtocolRawStream(msg!.message, {
              onRawData: (data) => {
                bytes += data.length;
                msg!.onData(data);
              },
            }),
          );
        } catch (err) {
          batchOwner = null;
          msg.reject(err as Error);
          continue;
        }
        if (EXTENDED.has(type)) batchOwner = msg.handlerId;
        else if (type === SYNC || type === SIMPLE_QUERY) batchOwner = null;
        q.lastHandlerId = msg.handlerId;
        msg.resolve(bytes);
      }
    } finally {
      q.processing = false;
    }
  };

  // a connection that goes away mid-batch must not hold the session
  const clear = (q as unknown as { clearQueueForHandler(id: number): void }).clearQueueForHandler.bind(q);
  (q as unknown as { clearQueueForHandler(id: number): void }).clearQueueForHandler = (id: number) => {
    if (batchOwner === id) batchOwner = null;
    clear(id);
    void q.processQueue();
  };
}

import "server-only";
import { createHash } from "node:crypto";
import { Prisma, type Tx } from "@/lib/db";
import { logAudit, type AuditEntry } from "@/lib/audit";
import { createId } from "./ids";
import { accountKey, assertValidRef, shardOf, type AccountRef } from "./accounts";
import { AlreadyReversed, IdempotencyConflict, UnbalancedTransaction } from "./errors";
import { ledgerMetrics } from "./metrics";
import { wakeWalletSync } from "./balance-outbox";
import { callLedgerPost, isOwnTransaction, type KillSwitch, type UsageSpend } from "./post-sql";
import type { TransactionType } from "./transaction-types";

export type LedgerLine = { account: AccountRef; amount: bigint };
/** The caller's parameters that change the outcome (offer, merchant, session, driver, amount, reason where it matters). */
export type RequestFingerprint = Record<string, string | number | boolean | null>;
export type PostInput = {
  idempotencyKey: string;
  type: TransactionType;
  reason: string;
  lines: LedgerLine[];
  /**
   * Hashed with the type and the lines: the same key with any other request is refused. The
   * lines alone do not tell two requests apart (two offers of the same price hold the same Nova).
   */
  request: RequestFingerprint;
  actorId?: string | null;
  reversesId?: string;
  metadata?: Record<string, unknown>;
  /** Lets a caller reference the transaction (e.g. a code's settleTxId) before posting it. */
  id?: string;
  insufficientMessage?: string;
  /**
   * Driver available accounts this one transaction may take below zero (a purchase clawback after
   * the reward was paid out): the debt stays on the account, visible, and later debits still
   * need a balance. Recorded in the metadata, where checkLedger reads the allowed debt.
   */
  overdraft?: AccountRef[];
  /** People this posting credits, who must be active users: share-locked, refused otherwise. */
  recipients?: string[];
  /** Capped counters spent with the posting (grant caps, offer limits). */
  usage?: UsageSpend[];
  /** The audit row written with the posting (not on a replay). */
  audit?: AuditEntry;
  /** A kill switch read by the posting's own statement, before anything else (a replay is refused too). */
  killSwitch?: KillSwitch;
  /**
   * A condition (SQL, read in the posting's own statement, after the switch and before anything
   * else): false or null refuses with GuardFailed and writes nothing. For a caller that built the
   * posting from data it remembered: "that data is still what the database holds".
   */
  guard?: Prisma.Sql;
};
export type Posted = { transactionId: string; replayed: boolean };
/**
 * A row of the caller's written by the posting's own statement, only when the posting is new: an
 * `INSERT … SELECT …, posted."transactionId" FROM posted WHERE posted."outcome" = 'posted' RETURNING …`
 * (`posted` is the posting's result). It commits or fails with the posting, with no transaction
 * around them. `followed` is its returned row as JSON (dates as ISO text), null on a replay.
 */
export type FollowRow = Prisma.Sql;
export type PostedWith<R> = Posted & { followed: R | null };

/**
 * Writes one balanced transaction inside `tx`, in one statement (the ledger_post database
 * function): the idempotency key is claimed first (a replay returns the first result; a different
 * request under the same key is refused), then balances move by conditional updates in account-id
 * order, then the entries are written. With `recipients`, `usage` and `audit`, the same statement
 * checks the credited people, spends the caps and writes the audit row (none of it on a replay).
 * Also callable with `db()` for a posting that is the caller's whole transaction (see postNow).
 */
export async function postInTx(tx: Tx, input: PostInput): Promise<Posted> {
  const { transactionId, replayed } = await postWith(tx, input);
  return { transactionId, replayed };
}

/** postInTx, with the caller's row written by the same statement (see FollowRow). */
export async function postWith<R>(tx: Tx, input: PostInput, follow?: FollowRow): Promise<PostedWith<R>> {
  const lines = validate(input.lines);
  const overdraft = new Set((input.overdraft ?? []).map(assertOverdraftable).map(accountKey));
  const metadata = overdraft.size ? { ...input.metadata, overdraft: [...overdraft].sort() } : input.metadata;
  const id = input.id ?? createId();
  const done = await callLedgerPost(tx, {
    id,
    idempotencyKey: input.idempotencyKey,
    requestHash: hashRequest(input, lines),
    type: input.type,
    reason: input.reason,
    reversesId: input.reversesId ?? null,
    actorId: input.actorId ?? null,
    metadata,
    lines: lines.map((l) => ({
      account: l.account,
      shard: shardOf(l.account, shardKeyOf(tx, id)),
      amount: l.amount,
      mayOverdraw: overdraft.has(accountKey(l.account)),
    })),
    drivers: [...new Set(lines.filter((l) => l.account.ownerType === "DRIVER").map((l) => l.account.ownerId))].sort(),
    recipients: input.recipients ?? [],
    usage: input.usage ?? [],
    audit: input.audit,
    killSwitch: input.killSwitch,
    guard: input.guard,
    insufficientMessage: input.insufficientMessage,
    follow,
  }).catch((err) => {
    if (isUniqueViolation(err, "reversesId")) throw new AlreadyReversed();
    throw err;
  });
  if (done.outcome === "conflict") {
    ledgerMetrics().conflicts.inc({ type: input.type });
    throw new IdempotencyConflict();
  }
  if (done.outcome === "replayed") {
    ledgerMetrics().replays.inc({ type: input.type });
    return { transactionId: done.transactionId, replayed: true, followed: null };
  }
  if (input.audit) logAudit(input.audit);
  if (done.walletWake) await wakeWalletSync(tx);
  ledgerMetrics().transactions.inc({ type: input.type });
  return { transactionId: id, replayed: false, followed: (done.followed ?? null) as R | null };
}

// Every posting of one database transaction uses the same shard of each hot account. Picked per
// posting, a transaction holding shard X from its first posting could wait on a row (a campaign's
// budget) held by one that then wants X for its next posting: a deadlock. Kept on globalThis, like
// the client, since the bundle may hold this module more than once.
const globalShards = globalThis as unknown as { nervaTxShardKeys?: WeakMap<object, string> };
const txShardKeys = (globalShards.nervaTxShardKeys ??= new WeakMap<object, string>());

function shardKeyOf(tx: Tx, transactionId: string): string {
  if (isOwnTransaction(tx)) return transactionId;
  const key = txShardKeys.get(tx) ?? transactionId;
  txShardKeys.set(tx, key);
  return key;
}

function validate(lines: LedgerLine[]): LedgerLine[] {
  if (lines.length < 2) throw new UnbalancedTransaction("a transaction needs at least two lines");
  const sums = new Map<string, bigint>();
  for (const line of lines) {
    assertValidRef(line.account);
    if (line.amount === 0n) throw new UnbalancedTransaction("zero-amount line");
    sums.set(line.account.currency, (sums.get(line.account.currency) ?? 0n) + line.amount);
  }
  for (const [currency, sum] of sums)
    if (sum !== 0n) throw new UnbalancedTransaction(`${currency} lines sum to ${sum}`);
  return lines;
}

function assertOverdraftable(a: AccountRef): AccountRef {
  if (a.ownerType !== "DRIVER" || a.kind !== "AVAILABLE")
    throw new Error(`ledger: only a driver's available account may be overdrawn, not ${accountKey(a)}`);
  return a;
}

function hashRequest(input: PostInput, lines: LedgerLine[]): string {
  const canonical = lines
    .map((l) => `${accountKey(l.account)}=${l.amount}`)
    .sort()
    .join("|");
  const request = JSON.stringify(Object.entries(input.request).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const overdraft = (input.overdraft ?? []).map(accountKey).sort().join(",");
  return createHash("sha256")
    .update(
      `${input.type}|${input.reversesId ?? ""}|${canonical}|${request}${overdraft ? `|overdraft:${overdraft}` : ""}`,
    )
    .digest("hex");
}

function isUniqueViolation(err: unknown, column: string): boolean {
  const e = err as Prisma.PrismaClientKnownRequestError & { meta?: { message?: string } };
  return (
    /23505|unique/i.test(`${e.code} ${e.message} ${JSON.stringify(e.meta ?? {})}`) && (e.message ?? "").includes(column)
  );
}

import "server-only";
import { createHash } from "node:crypto";
import { Prisma, type Tx } from "@/lib/db";
import { createId } from "./ids";
import { accountKey, allowsNegative, assertValidRef, type AccountRef } from "./accounts";
import { AlreadyReversed, IdempotencyConflict, InsufficientFunds, UnbalancedTransaction } from "./errors";
import { ledgerMetrics } from "./metrics";
import { noteDriverBalanceChange } from "./balance-outbox";
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
};
export type Posted = { transactionId: string; replayed: boolean };

/**
 * Writes one balanced transaction inside `tx`: the idempotency key is claimed first (a
 * replay returns the first result; a different request under the same key is refused),
 * then balances move by conditional updates in a fixed order, then the entries are written.
 */
export async function postInTx(tx: Tx, input: PostInput): Promise<Posted> {
  const lines = validate(input.lines);
  const overdraft = new Set((input.overdraft ?? []).map(assertOverdraftable).map(accountKey));
  const metadata = overdraft.size ? { ...input.metadata, overdraft: [...overdraft].sort() } : input.metadata;
  const requestHash = hashRequest(input, lines);
  const id = input.id ?? createId();
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "type", "reason", "reversesId", "actorId", "metadata")
    VALUES (${id}, ${input.idempotencyKey}, ${requestHash}, ${input.type}, ${input.reason}, ${input.reversesId ?? null},
            ${input.actorId ?? null}, ${metadata ? JSON.stringify(metadata) : null}::jsonb)
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id"`.catch((err) => {
    if (isUniqueViolation(err, "reversesId")) throw new AlreadyReversed();
    throw err;
  });
  if (claimed.length === 0) return replay(tx, input, requestHash);

  const ids = await ensureAccounts(
    tx,
    lines.map((l) => l.account),
  );
  // fixed order (by account id) so concurrent transactions never wait on each other in a cycle
  const ordered = lines
    .map((l) => ({
      ...l,
      accountId: ids.get(accountKey(l.account))!,
      mayOverdraw: overdraft.has(accountKey(l.account)),
    }))
    .sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  for (const line of ordered) {
    const moved = await tx.$executeRaw`
      UPDATE "LedgerAccount" SET "balance" = "balance" + ${line.amount}
      WHERE "id" = ${line.accountId} AND ("allowNegative" OR ${line.mayOverdraw} OR "balance" + ${line.amount} >= 0)`;
    if (moved !== 1) throw new InsufficientFunds(input.insufficientMessage);
  }
  await tx.ledgerEntry.createMany({
    data: ordered.map((l) => ({ transactionId: id, accountId: l.accountId, amount: l.amount })),
  });
  await noteDriverBalanceChange(tx, [
    ...new Set(lines.filter((l) => l.account.ownerType === "DRIVER").map((l) => l.account.ownerId)),
  ]);
  ledgerMetrics().transactions.inc({ type: input.type });
  return { transactionId: id, replayed: false };
}

async function replay(tx: Tx, input: PostInput, requestHash: string): Promise<Posted> {
  const existing = await tx.ledgerTransaction.findUniqueOrThrow({
    where: { idempotencyKey: input.idempotencyKey },
    select: { id: true, requestHash: true },
  });
  if (existing.requestHash !== requestHash) {
    ledgerMetrics().conflicts.inc({ type: input.type });
    throw new IdempotencyConflict();
  }
  ledgerMetrics().replays.inc({ type: input.type });
  return { transactionId: existing.id, replayed: true };
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

async function ensureAccounts(tx: Tx, refs: AccountRef[]): Promise<Map<string, string>> {
  const unique = [...new Map(refs.map((r) => [accountKey(r), r])).values()].sort((a, b) =>
    accountKey(a).localeCompare(accountKey(b)),
  );
  for (const r of unique) {
    await tx.$executeRaw`
      INSERT INTO "LedgerAccount" ("id", "ownerType", "ownerId", "kind", "currency", "allowNegative")
      VALUES (${createId()}, ${r.ownerType}::"OwnerType", ${r.ownerId}, ${r.kind}::"AccountKind", ${r.currency}::"Currency", ${allowsNegative(r)})
      ON CONFLICT ("ownerType", "ownerId", "kind", "currency") DO NOTHING`;
  }
  const rows = await tx.ledgerAccount.findMany({
    where: {
      OR: unique.map((r) => ({ ownerType: r.ownerType, ownerId: r.ownerId, kind: r.kind, currency: r.currency })),
    },
    select: { id: true, ownerType: true, ownerId: true, kind: true, currency: true },
  });
  return new Map(rows.map((r) => [accountKey(r), r.id]));
}

function isUniqueViolation(err: unknown, column: string): boolean {
  const e = err as Prisma.PrismaClientKnownRequestError & { meta?: { message?: string } };
  return (
    /23505|unique/i.test(`${e.code} ${e.message} ${JSON.stringify(e.meta ?? {})}`) && (e.message ?? "").includes(column)
  );
}

// No "server-only": the demo seed runs outside Next (npm run dev, db:seed, the e2e server), where
// postInTx's server-only imports cannot load. Not exported from the index: demo data only.
import type { Tx } from "@/lib/db";
import { accounts, allowsNegative, shardOf, type AccountRef } from "./accounts";
import { createId } from "./ids";

export type SeedGrant = { idempotencyKey: string; driverId: string; amount: bigint; reason: string; at: Date };

/**
 * A grant from platform Nova issuance to a driver, dated `at` (demo data that must look months
 * old). postInTx's steps without its metrics and outbox: the key is claimed (a second seed changes
 * nothing), balances move by conditional updates in account-id order, then the entries are
 * written, each extending its account's hash chain (the ledger_entry_chain trigger). Returns
 * whether it posted.
 */
export async function postSeedGrantInTx(tx: Tx, g: SeedGrant): Promise<boolean> {
  const txId = createId();
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "type", "reason", "createdAt")
    VALUES (${txId}, ${g.idempotencyKey}, 'demo-seed', 'GRANT', ${g.reason}, ${g.at})
    ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING "id"`;
  if (claimed.length === 0) return false;
  const lines = await Promise.all(
    [
      { ref: accounts.novaIssuance(), amount: -g.amount },
      { ref: accounts.driverNova(g.driverId), amount: g.amount },
    ].map(async (l) => ({ ...l, accountId: await ensureAccount(tx, l.ref, shardOf(l.ref, txId)) })),
  );
  lines.sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  for (const l of lines) {
    const moved = await tx.$executeRaw`
      UPDATE "LedgerAccount" SET "balance" = "balance" + ${l.amount}
      WHERE "id" = ${l.accountId} AND ("allowNegative" OR "balance" + ${l.amount} >= 0)`;
    if (moved !== 1) throw new Error("demo seed: insufficient funds");
  }
  for (const l of lines)
    await tx.$executeRaw`
      INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amount", "createdAt")
      VALUES (${txId}, ${l.accountId}, ${l.amount}, ${g.at})`;
  return true;
}

async function ensureAccount(tx: Tx, r: AccountRef, shard: number): Promise<string> {
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" ("id", "ownerType", "ownerId", "kind", "currency", "shard", "allowNegative")
    VALUES (${createId()}, ${r.ownerType}::"OwnerType", ${r.ownerId}, ${r.kind}::"AccountKind", ${r.currency}::"Currency", ${shard}, ${allowsNegative(r)})
    ON CONFLICT ("ownerType", "ownerId", "kind", "currency", "shard") DO NOTHING`;
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "LedgerAccount"
    WHERE "ownerType" = ${r.ownerType}::"OwnerType" AND "ownerId" = ${r.ownerId}
      AND "kind" = ${r.kind}::"AccountKind" AND "currency" = ${r.currency}::"Currency" AND "shard" = ${shard}`;
  return row.id;
}

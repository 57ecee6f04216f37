import type { Tx } from "@/lib/db";
import { accounts, postInTx, runMoneyTx, type AccountRef, type Posted } from "@/lib/ledger";
import { testDb, uid } from "./factories";

/** One grant of `amount` Nova to `driverId` from platform issuance, through postInTx. */
export function grant(driverId: string, amount: bigint): Promise<Posted> {
  return runMoneyTx((tx) =>
    postInTx(tx, {
      idempotencyKey: `chain:${uid()}-${uid()}`,
      type: "GRANT",
      reason: "chain test",
      request: { driverId, amount: amount.toString() },
      lines: [
        { account: accounts.novaIssuance(), amount: -amount },
        { account: accounts.driverNova(driverId), amount },
      ],
    }),
  );
}

/** A driver spends `amount` Nova at a merchant. */
export function spend(driverId: string, merchantId: string, amount: bigint): Promise<Posted> {
  return runMoneyTx((tx) =>
    postInTx(tx, {
      idempotencyKey: `chain:${uid()}-${uid()}`,
      type: "DIRECT_SPEND",
      reason: "chain test spend",
      request: { driverId, merchantId, amount: amount.toString() },
      lines: [
        { account: accounts.driverNova(driverId), amount: -amount },
        { account: accounts.merchantNova(merchantId), amount },
      ],
    }),
  );
}

/** The account's row (its shard 0 row for an account spread over shards). */
export async function accountId(ref: AccountRef, shard = 0): Promise<string> {
  const { ownerType, ownerId, kind, currency } = ref;
  return (
    await testDb.ledgerAccount.findUniqueOrThrow({
      where: { ownerType_ownerId_kind_currency_shard: { ownerType, ownerId, kind, currency, shard } },
    })
  ).id;
}

/** Every row of an account: one, or its shards for an account spread over them (platform issuance). */
export async function accountIds(ref: AccountRef): Promise<string[]> {
  const { ownerType, ownerId, kind, currency } = ref;
  const rows = await testDb.ledgerAccount.findMany({
    where: { ownerType, ownerId, kind, currency },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

class Rollback extends Error {}

/**
 * Tampers inside a transaction of its own with triggers off (the append-only trigger refuses
 * UPDATE and DELETE), lets `look` inspect the result, then rolls everything back: no other file
 * ever sees the broken rows.
 */
export async function whileTampered<T>(tamper: (tx: Tx) => Promise<unknown>, look: (tx: Tx) => Promise<T>): Promise<T> {
  let seen: T | undefined;
  await testDb
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
        await tamper(tx);
        seen = await look(tx);
        throw new Rollback();
      },
      { timeout: 30_000 },
    )
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return seen as T;
}

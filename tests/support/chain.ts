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

export async function accountId(ref: AccountRef): Promise<string> {
  const { ownerType, ownerId, kind, currency } = ref;
  return (
    await testDb.ledgerAccount.findUniqueOrThrow({
      where: { ownerType_ownerId_kind_currency: { ownerType, ownerId, kind, currency } },
    })
  ).id;
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

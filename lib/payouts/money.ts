import "server-only";
import type { Tx } from "@/lib/db";
import { accounts, postInTx, reverseInTx } from "@/lib/ledger";
import { formatUsd } from "./words";

// The cash-out's ledger movements. Keys derive from the payout id, so each happens at most once.
type PayoutMoney = { id: string; userId: string; amountCents: number; feeCents: number };

const cents = (n: number) => BigInt(n);
const netOf = (p: PayoutMoney) => cents(p.amountCents - p.feeCents);

/** Driver USD → payouts clearing (and the instant fee → platform fees), with the payout id. */
export function debitForPayout(tx: Tx, p: PayoutMoney, txId: string, insufficientMessage: string) {
  return postInTx(tx, {
    id: txId,
    idempotencyKey: `payout/${p.id}/request`,
    type: "PAYOUT_REQUEST",
    reason: `Cash-out of ${formatUsd(p.amountCents)}`,
    actorId: p.userId,
    request: { payoutId: p.id, amount: p.amountCents, fee: p.feeCents },
    metadata: { payoutId: p.id },
    insufficientMessage,
    lines: [
      { account: accounts.driverUsd(p.userId), amount: -cents(p.amountCents) },
      { account: accounts.payoutsClearingUsd(), amount: netOf(p) },
      ...(p.feeCents > 0 ? [{ account: accounts.feesUsd(), amount: cents(p.feeCents) }] : []),
    ],
  });
}

/** The bank has the money: clearing → paid out. */
export function settlePayoutMoney(tx: Tx, p: PayoutMoney, txId: string) {
  return postInTx(tx, {
    id: txId,
    idempotencyKey: `payout/${p.id}/settle`,
    type: "PAYOUT_SETTLE",
    reason: "Cash-out paid",
    request: { payoutId: p.id },
    metadata: { payoutId: p.id },
    lines: [
      { account: accounts.payoutsClearingUsd(), amount: -netOf(p) },
      { account: accounts.payoutsSentUsd(), amount: netOf(p) },
    ],
  });
}

/** A paid payout the bank sent back: the settlement is reversed, the money is in clearing again. */
export function unsettlePayoutMoney(tx: Tx, p: PayoutMoney, settleTxId: string) {
  return reverseInTx(tx, {
    transactionId: settleTxId,
    idempotencyKey: `payout/${p.id}/unsettle`,
    reason: "Cash-out returned by the bank after it was paid",
    actorId: null,
    request: { payoutId: p.id },
  });
}

/** The whole amount, fee included, back to the driver's available USD. */
export function returnPayoutMoney(tx: Tx, p: PayoutMoney, reason: string, actorId: string | null, txId: string) {
  return postInTx(tx, {
    id: txId,
    idempotencyKey: `payout/${p.id}/return`,
    type: "PAYOUT_RETURN",
    reason,
    actorId,
    request: { payoutId: p.id },
    metadata: { payoutId: p.id },
    lines: [
      { account: accounts.payoutsClearingUsd(), amount: -netOf(p) },
      ...(p.feeCents > 0 ? [{ account: accounts.feesUsd(), amount: -cents(p.feeCents) }] : []),
      { account: accounts.driverUsd(p.userId), amount: cents(p.amountCents) },
    ],
  });
}

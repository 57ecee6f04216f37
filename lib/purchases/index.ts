import "server-only";
import type { Tx } from "@/lib/db";

// SKELETON (issue 11, part 5 replaces it). The contract the Square webhook relies on: called in the
// transaction that stores the webhook event, after the SquareOrder row holds the order's newest
// version; decides (match, pay, wait for funds, ask the driver, reverse on refund) exactly once
// whatever the delivery pattern.
export type SettleOutcome = { status: string } | null;

export async function unsafeSettlePurchase(_tx: Tx, _orderId: string): Promise<SettleOutcome> {
  return null;
}

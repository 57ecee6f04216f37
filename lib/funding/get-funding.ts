import "server-only";
import { requireMembership, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { unsafeGetBalances } from "@/lib/ledger";

export type MerchantFunding = { balanceCents: number; lowBalanceCents: number; low: boolean };

/** A member's view of their merchant's prepaid cash, and whether it is running low. */
export async function getMerchantFunding(actor: Actor, merchantId: string): Promise<MerchantFunding> {
  await requireMembership(actor, merchantId, "merchant:view");
  const balanceCents = Number((await unsafeGetBalances("MERCHANT", merchantId)).usd.available);
  const lowBalanceCents = config().MERCHANT_LOW_BALANCE_CENTS;
  return { balanceCents, lowBalanceCents, low: balanceCents < lowBalanceCents };
}

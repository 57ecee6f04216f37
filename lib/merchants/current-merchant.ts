import "server-only";
import { db } from "@/lib/db";
import { DEMO_MERCHANT_SLUG } from "@/lib/demo/accounts";

/**
 * The merchant the merchant surface is showing. Until sign-in lands this is the demo
 * merchant; with sessions it becomes the signed-in member's selected merchant.
 */
export async function currentMerchantId(): Promise<string | null> {
  const merchant = await db().merchant.findUnique({ where: { slug: DEMO_MERCHANT_SLUG }, select: { id: true } });
  return merchant?.id ?? null;
}

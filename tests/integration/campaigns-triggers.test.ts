import { describe, expect, it } from "vitest";
import { createCampaign, setCampaignStatus } from "@/lib/campaigns";
import { unsafeGetBalances, unsafeListStatement } from "@/lib/ledger";
import { unsafeReleaseDuePurchaseRewards } from "@/lib/purchases";
import { confirmRedemption, redeemOffer } from "@/lib/merchants/redemptions";
import { grantNova } from "@/lib/rewards";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";
import {
  chargingSession,
  driverWithPhone,
  keepLedgerSound,
  phoneIn,
  purchaseMerchant,
  settle,
  squareOrder,
  topUp,
} from "../support/purchases";
import { SINCE } from "../support/campaigns";

keepLedgerSound();

const HOUR = 3600_000;
const shopDeal = (name: string) => ({
  name,
  trigger: "purchase_verified",
  limits: { startsAt: SINCE.toISOString(), perDriver: 1 },
  effects: [{ kind: "bonus_nova", nova: 100 }],
});

async function liveShopCampaign(m: Awaited<ReturnType<typeof purchaseMerchant>>, name: string) {
  const owner = asMerchant(m.owner.id);
  const c = await createCampaign(owner, { merchantId: m.merchant.id, definition: shopDeal(name) }, fakeMeta());
  // Nerava pays its Nova: an admin launches it
  await setCampaignStatus(asAdmin((await createUser({ role: "ADMIN" })).id), c.id, "LIVE", fakeMeta());
  return c;
}

describe("purchase_verified campaigns", () => {
  it("pay with the purchase reward's release, once (webhook redelivered, job retried), only for the shop's own campaign", async () => {
    const m = await purchaseMerchant();
    const other = await purchaseMerchant("Other Coffee");
    await topUp(m.merchant.id, 5_000);
    const mine = await liveShopCampaign(m, "Coffee and a charge");
    const theirs = await liveShopCampaign(other, "Elsewhere deal");
    const number = phoneIn("512");
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const order = await squareOrder(m, { phone: number });
    expect(await settle(order.id)).toEqual({ status: "PENDING" });
    // the order's webhook redelivered (Square retries, and sends each update): settled again, nothing more
    await Promise.all(Array.from({ length: 3 }, () => settle(order.id)));
    expect(await testDb.purchaseReward.count({ where: { orderId: order.id } })).toBe(1);
    expect(await testDb.campaignAward.count({ where: { campaignId: mine.id } })).toBe(0);

    const later = new Date(Date.now() + 73 * HOUR);
    await Promise.all(Array.from({ length: 5 }, () => unsafeReleaseDuePurchaseRewards(later)));
    const awards = await testDb.campaignAward.findMany({ where: { campaignId: { in: [mine.id, theirs.id] } } });
    expect(awards).toEqual([
      expect.objectContaining({ campaignId: mine.id, trigger: "purchase_verified", triggerId: order.id, nova: 100 }),
    ]);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(100n);
    const lines = await unsafeListStatement("DRIVER", driver.id);
    expect(lines.filter((l) => l.type === "CAMPAIGN_REWARD").map((l) => l.reason)).toEqual([
      "Coffee and a charge, +100 Nova",
    ]);
  });
});

describe("redemption_confirmed campaigns", () => {
  it("pay when the code is confirmed, once under 10 concurrent confirmations", async () => {
    const owner = await createUser({ role: "MERCHANT" });
    const merchant = await createMerchant(owner.id);
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
    const c = await createCampaign(
      asMerchant(owner.id),
      {
        merchantId: merchant.id,
        definition: {
          ...shopDeal("Redeem and return"),
          trigger: "redemption_confirmed",
          effects: [{ kind: "cash_bonus", cents: 50 }],
        },
      },
      fakeMeta(),
    );
    const admin = await createUser({ role: "ADMIN" });
    await setCampaignStatus(asAdmin(admin.id), c.id, "LIVE", fakeMeta());
    const driver = await createUser();
    await grantNova(
      asAdmin(admin.id),
      { driverId: driver.id, amount: 500, reason: "test funds", idempotencyKey: `grant-${uid()}${uid()}` },
      fakeMeta(),
    );
    const code = await redeemOffer(
      asDriver(driver.id),
      { offerId: offer.id, idempotencyKey: `redeem-${uid()}${uid()}` },
      fakeMeta(),
    );
    await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        confirmRedemption(asMerchant(owner.id), merchant.id, { code: code.code }, fakeMeta()),
      ),
    );
    const awards = await testDb.campaignAward.findMany({ where: { campaignId: c.id } });
    expect(awards).toEqual([
      expect.objectContaining({ triggerId: code.id, cents: 50, label: "Redeem and return, $0.50 cash" }),
    ]);
    expect((await unsafeGetBalances("DRIVER", driver.id)).usd.available).toBe(50n);
  });
});

import { describe, expect, it } from "vitest";
import { listLiveOffers } from "@/lib/discovery";
import { unsafeGetBalances, unsafeListStatement } from "@/lib/ledger";
import { reverseTransaction } from "@/lib/rewards";
import { decideFlag } from "@/lib/risk";
import { asAdmin, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";
import { fundedDriver, liveRedemptionCampaign, redeemAndConfirm, shopWithSecretOffer } from "../support/shop-campaigns";

// A redemption cannot wait for a review the way a charging or purchase reward does (the shop has
// served the coffee): its campaign bonus is earned now, held as pending, and the review decides it.
keepLedgerSound();

async function heldScenario() {
  const shop = await shopWithSecretOffer();
  const campaign = await liveRedemptionCampaign(
    shop,
    [
      { kind: "bonus_nova", nova: 40 },
      { kind: "cash_bonus", cents: 75 },
      { kind: "unlock_offer", offerId: shop.secret.id },
    ],
    "Back again",
  );
  const driver = await fundedDriver(500);
  const flag = await testDb.riskFlag.create({
    data: { driverId: driver.id, rule: "test", evidence: {}, fingerprint: uid(), summary: "held for a test" },
  });
  await redeemAndConfirm(driver.id, shop);
  const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
  const decide = (decision: "approve" | "void") =>
    decideFlag(admin, { flagId: flag.id, decision, reason: "checked the receipts" }, fakeMeta());
  return { shop, campaign, driver, admin, decide };
}

const LABEL = "Back again, +40 Nova + $0.75 cash + an offer unlocked";
const balances = async (driverId: string) => {
  const b = await unsafeGetBalances("DRIVER", driverId);
  return { nova: b.nova.available, novaPending: b.nova.pending, usd: b.usd.available, usdPending: b.usd.pending };
};
const award = (campaignId: string) => testDb.campaignAward.findFirstOrThrow({ where: { campaignId } });
const unlocked = async (driverId: string, offerId: string) =>
  (await listLiveOffers(100_000, driverId)).some((o) => o.id === offerId);
/** The driver's campaign lines (type, currency, account, amount, state, reason), in a fixed order. */
const campaignLines = async (driverId: string) =>
  (await unsafeListStatement("DRIVER", driverId))
    .filter((l) => l.type.startsWith("CAMPAIGN_") || l.type === "REVERSAL")
    .map((l) => [l.type, l.currency, l.account, l.amount, l.state, l.reason])
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));

describe("a driver held for review earns a redemption bonus that waits, not one that is skipped", () => {
  it("held: pending and counted against the budget; the approval pays it (available, offer unlocked), once", async () => {
    const { campaign, driver, shop, decide } = await heldScenario();
    expect(await award(campaign.id)).toMatchObject({ status: "HELD", nova: 40, cents: 75, label: LABEL });
    expect(await balances(driver.id)).toEqual({ nova: 400n, novaPending: 40n, usd: 0n, usdPending: 75n });
    expect(await testDb.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      spentNova: 40,
      spentCents: 75,
      awardCount: 1,
    });
    expect(await unlocked(driver.id, shop.secret.id)).toBe(false);

    await decide("approve");
    await expect(decide("approve")).rejects.toMatchObject({ code: "flag_decided" });
    expect(await award(campaign.id)).toMatchObject({ status: "PAID" });
    expect(await balances(driver.id)).toEqual({ nova: 440n, novaPending: 0n, usd: 75n, usdPending: 0n });
    expect(await unlocked(driver.id, shop.secret.id)).toBe(true);
    expect(await campaignLines(driver.id)).toEqual([
      ["CAMPAIGN_REWARD", "NOVA", "PENDING", 40n, "pending", LABEL],
      ["CAMPAIGN_REWARD", "USD", "PENDING", 75n, "pending", LABEL],
      ["CAMPAIGN_REWARD_RELEASE", "NOVA", "AVAILABLE", 40n, "available", `${LABEL}: available after review`],
      ["CAMPAIGN_REWARD_RELEASE", "NOVA", "PENDING", -40n, "available", `${LABEL}: available after review`],
      ["CAMPAIGN_REWARD_RELEASE", "USD", "AVAILABLE", 75n, "available", `${LABEL}: available after review`],
      ["CAMPAIGN_REWARD_RELEASE", "USD", "PENDING", -75n, "available", `${LABEL}: available after review`],
    ]);
  });

  it("an admin cannot reverse the bonus while it is pending; once released, the reversal takes it from available", async () => {
    const { campaign, driver, admin, decide } = await heldScenario();
    const { transactionId } = await award(campaign.id);
    const reverse = () =>
      reverseTransaction(
        admin,
        { transactionId: transactionId!, reason: "wrong campaign", idempotencyKey: `rev-${uid()}${uid()}` },
        fakeMeta(),
      );
    await expect(reverse()).rejects.toMatchObject({ code: "not_reversible", message: /Decide the review/ });
    await decide("approve");
    await reverse();
    expect(await balances(driver.id)).toEqual({ nova: 400n, novaPending: 0n, usd: 0n, usdPending: 0n });
  });

  it("voided: the bonus is reversed with the reviewer's reason, its budget given back, the offer stays locked", async () => {
    const { campaign, driver, shop, decide } = await heldScenario();
    await decide("void");
    expect(await award(campaign.id)).toMatchObject({ status: "VOIDED" });
    expect(await balances(driver.id)).toEqual({ nova: 400n, novaPending: 0n, usd: 0n, usdPending: 0n });
    expect(await testDb.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      spentNova: 0,
      spentCents: 0,
      awardCount: 0,
    });
    expect(await unlocked(driver.id, shop.secret.id)).toBe(false);
    const voided = `Voided on review: checked the receipts (${LABEL})`;
    expect((await campaignLines(driver.id)).filter((l) => l[0] === "REVERSAL").map((l) => l[5])).toEqual([
      voided,
      voided,
    ]);
  });
});

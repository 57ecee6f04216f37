import { describe, expect, it } from "vitest";
import { createCampaign, reviseCampaign } from "@/lib/campaigns";
import { listLiveOffers } from "@/lib/discovery";
import { asAdmin, createUser, fakeMeta, testDb } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";
import { SINCE } from "../support/campaigns";
import {
  fundedDriver,
  liveRedemptionCampaign,
  redeem,
  redeemAndConfirm,
  shopWithSecretOffer,
} from "../support/shop-campaigns";

keepLedgerSound();

const unlocking = (offerId: string) => ({
  name: "Unlock test",
  trigger: "redemption_confirmed",
  limits: { startsAt: SINCE },
  effects: [{ kind: "unlock_offer", offerId }],
});
const seenBy = async (driverId: string | null, offerId: string) =>
  (await listLiveOffers(100_000, driverId)).find((o) => o.id === offerId);

describe("unlock_offer: which offers a campaign may unlock", () => {
  it("a shop's campaign unlocks only its own campaign-only offers; anything else is refused in a sentence", async () => {
    const shop = await shopWithSecretOffer();
    const other = await shopWithSecretOffer();
    const create = (offerId: string) =>
      createCampaign(shop.actor, { merchantId: shop.merchant.id, definition: unlocking(offerId) }, fakeMeta());
    const refused = (message: RegExp) =>
      expect.objectContaining({ status: 422, message: expect.stringMatching(message) });
    await expect(create(other.secret.id)).rejects.toEqual(refused(/Effect 1: that is not one of this shop's offers/));
    await expect(create("no-such-offer")).rejects.toEqual(refused(/not one of this shop's offers/));
    await expect(create(shop.open.id)).rejects.toEqual(refused(/“Test coffee” is open to every driver already/));
    const campaign = await create(shop.secret.id);
    await expect(reviseCampaign(shop.actor, campaign.id, unlocking(other.secret.id), fakeMeta())).rejects.toEqual(
      refused(/not one of this shop's offers/),
    );
    // program-wide (an admin's): any shop's campaign-only offer, but it must exist
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const wide = { ...unlocking(other.secret.id), trigger: "session_verified" };
    await expect(createCampaign(admin, { definition: wide }, fakeMeta())).resolves.toMatchObject({ status: "DRAFT" });
    await expect(
      createCampaign(
        admin,
        { definition: { ...wide, effects: [{ kind: "unlock_offer", offerId: "nope" }] } },
        fakeMeta(),
      ),
    ).rejects.toEqual(refused(/there is no offer with that id/));
  });
});

describe("unlock_offer: what the driver gets", () => {
  it("opens the offer to the driver who earned it alone: listed as unlocked by the campaign, and redeemable", async () => {
    const shop = await shopWithSecretOffer();
    const campaign = await liveRedemptionCampaign(
      shop,
      [{ kind: "unlock_offer", offerId: shop.secret.id }],
      "Regulars",
    );
    const [lucky, other] = [await fundedDriver(), await fundedDriver()];
    expect(await seenBy(lucky.id, shop.secret.id)).toBeUndefined();
    await expect(redeem(lucky.id, shop.secret.id)).rejects.toMatchObject({ code: "not_found" });

    await redeemAndConfirm(lucky.id, shop);
    expect(await testDb.driverOfferUnlock.findMany({ where: { offerId: shop.secret.id } })).toEqual([
      expect.objectContaining({ driverId: lucky.id, campaignId: campaign.id, campaignName: "Regulars" }),
    ]);
    expect(await seenBy(lucky.id, shop.secret.id)).toMatchObject({
      title: "Secret menu pastry",
      unlockedBy: "Regulars",
    });
    expect(await seenBy(lucky.id, shop.open.id)).toMatchObject({ unlockedBy: null });
    await expect(redeem(lucky.id, shop.secret.id)).resolves.toMatchObject({ offerId: shop.secret.id, novaAmount: 50 });

    // another driver and a signed-out visitor: not listed, and (for the driver) not redeemable either
    expect(await seenBy(other.id, shop.secret.id)).toBeUndefined();
    expect(await seenBy(null, shop.secret.id)).toBeUndefined();
    await expect(redeem(other.id, shop.secret.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a second award of the same unlock (another campaign, another redemption) keeps one unlock row", async () => {
    const shop = await shopWithSecretOffer();
    await liveRedemptionCampaign(shop, [{ kind: "unlock_offer", offerId: shop.secret.id }], "First unlock");
    await liveRedemptionCampaign(shop, [{ kind: "unlock_offer", offerId: shop.secret.id }], "Second unlock");
    const driver = await fundedDriver();
    await redeemAndConfirm(driver.id, shop);
    await redeemAndConfirm(driver.id, shop);
    const unlocks = await testDb.driverOfferUnlock.findMany({ where: { driverId: driver.id } });
    expect(unlocks).toHaveLength(1);
    expect(await testDb.campaignAward.count({ where: { driverId: driver.id } })).toBe(4);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { readRedeemGate } from "@/lib/merchants/redemptions/redeem-gate";
import { createMerchant, createUser, testDb } from "../support/factories";

// The redemption's pre-transaction reads in one statement: the switch, the offer the driver may
// redeem now (each way an offer is not redeemable), and whether the driver works at its shop.

afterAll(() => testDb.$disconnect());

async function shopOffer() {
  const owner = await createUser({ role: "MERCHANT" });
  const shop = await createMerchant(owner.id);
  const { id } = await testDb.offer.findFirstOrThrow({ where: { merchantId: shop.id } });
  // started an hour ago, so only the change each case makes can keep it from being redeemable
  const offer = await testDb.offer.update({ where: { id }, data: { startsAt: new Date(Date.now() - 3600_000) } });
  return { owner, shop, offer };
}

describe("readRedeemGate", () => {
  it("gives the offer with its shop, the switch, and that the driver does not work there", async () => {
    const driver = await createUser();
    const { shop, offer } = await shopOffer();
    const gate = await readRedeemGate(driver.id, offer.id, new Date());
    expect(gate).toEqual({
      enabled: expect.any(Boolean),
      driverWorksThere: false,
      offer: {
        id: offer.id,
        title: offer.title,
        novaPrice: 100,
        totalLimit: null,
        perDriverLimit: null,
        merchant: { id: shop.id, name: shop.name },
      },
    });
  });

  it("knows a member of the offer's shop", async () => {
    const { owner, offer } = await shopOffer();
    expect(await readRedeemGate(owner.id, offer.id, new Date())).toMatchObject({ driverWorksThere: true });
  });

  it("has no offer when it is unknown, paused, not started, ended, or its shop is not active", async () => {
    const driver = await createUser();
    const none = async (offerId: string) =>
      expect((await readRedeemGate(driver.id, offerId, new Date())).offer).toBeNull();
    await none("no-such-offer");
    const paused = await shopOffer();
    await testDb.offer.update({ where: { id: paused.offer.id }, data: { active: false } });
    await none(paused.offer.id);
    const future = await shopOffer();
    await testDb.offer.update({ where: { id: future.offer.id }, data: { startsAt: new Date(Date.now() + 60_000) } });
    await none(future.offer.id);
    const ended = await shopOffer();
    await testDb.offer.update({ where: { id: ended.offer.id }, data: { endsAt: new Date() } });
    await none(ended.offer.id);
    const suspended = await shopOffer();
    await testDb.merchant.update({ where: { id: suspended.shop.id }, data: { status: "SUSPENDED" } });
    await none(suspended.offer.id);
  });

  it("has no campaign-only offer for a driver no campaign unlocked it for", async () => {
    const driver = await createUser();
    const { offer } = await shopOffer();
    await testDb.offer.update({ where: { id: offer.id }, data: { unlockOnly: true } });
    expect((await readRedeemGate(driver.id, offer.id, new Date())).offer).toBeNull();
  });
});

import { createCampaign, setCampaignStatus, type CampaignDefinitionInput } from "@/lib/campaigns";
import { confirmRedemption, redeemOffer } from "@/lib/merchants/redemptions";
import { grantNova } from "@/lib/rewards";
import { SINCE } from "./campaigns";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb, uid } from "./factories";

const key = () => `k-${uid()}-${uid()}-${uid()}`;

/** A shop (its owner, its open "Test coffee" offer) with a campaign-only offer beside it. */
export async function shopWithSecretOffer() {
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const open = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
  const secret = await testDb.offer.create({
    data: {
      merchantId: merchant.id,
      title: "Secret menu pastry",
      description: "Only for regulars",
      novaPrice: 50,
      unlockOnly: true,
    },
  });
  return { owner, actor: asMerchant(owner.id), merchant, open, secret };
}

/** The shop's live redemption_confirmed campaign with these effects. */
export async function liveRedemptionCampaign(
  shop: Awaited<ReturnType<typeof shopWithSecretOffer>>,
  effects: CampaignDefinitionInput["effects"],
  name = "Regulars reward",
) {
  const definition = { name, trigger: "redemption_confirmed" as const, limits: { startsAt: SINCE }, effects };
  const campaign = await createCampaign(shop.actor, { merchantId: shop.merchant.id, definition }, fakeMeta());
  // Nerava pays a campaign's Nova and cash: an admin launches it (an owner may launch an unlock-only one)
  await setCampaignStatus(asAdmin((await createUser({ role: "ADMIN" })).id), campaign.id, "LIVE", fakeMeta());
  return campaign;
}

/** A driver with Nova to spend (granted by a fresh admin). */
export async function fundedDriver(nova = 1_000) {
  const driver = await createUser();
  const admin = await createUser({ role: "ADMIN" });
  await grantNova(
    asAdmin(admin.id),
    { driverId: driver.id, amount: nova, reason: "test funds", idempotencyKey: key() },
    fakeMeta(),
  );
  return driver;
}

export const redeem = (driverId: string, offerId: string) =>
  redeemOffer(asDriver(driverId), { offerId, idempotencyKey: key() }, fakeMeta());

/** The driver redeems the shop's offer and the owner confirms the code at the counter. */
export async function redeemAndConfirm(driverId: string, shop: Awaited<ReturnType<typeof shopWithSecretOffer>>) {
  const code = await redeem(driverId, shop.open.id);
  await confirmRedemption(shop.actor, shop.merchant.id, { code: code.code }, fakeMeta());
  return code;
}

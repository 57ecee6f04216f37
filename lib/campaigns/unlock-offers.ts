import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CampaignDefinition } from "./definition";

const refuse = (index: number, message: string) =>
  new AppError("invalid_input", `The campaign is not valid. Effect ${index + 1}: ${message}.`);

/**
 * Each offer the campaign unlocks exists, is in its scope (a shop's campaign unlocks only that
 * shop's offers; another shop's offer reads as not found) and is kept for unlocked drivers: an
 * offer every driver sees already would make "an offer unlocked" an empty promise.
 */
export async function assertUnlockableOffers(definition: CampaignDefinition, merchantId: string | null) {
  const ids = definition.effects.flatMap((e) => (e.kind === "unlock_offer" ? [e.offerId] : []));
  if (ids.length === 0) return;
  const offers = await db().offer.findMany({
    where: { id: { in: ids }, ...(merchantId ? { merchantId } : {}) },
    select: { id: true, title: true, unlockOnly: true },
  });
  definition.effects.forEach((effect, i) => {
    if (effect.kind !== "unlock_offer") return;
    const offer = offers.find((o) => o.id === effect.offerId);
    if (!offer)
      throw refuse(i, merchantId ? "that is not one of this shop's offers" : "there is no offer with that id");
    if (!offer.unlockOnly)
      throw refuse(
        i,
        `“${offer.title}” is open to every driver already; set it to “Only for drivers a campaign unlocks it for” first`,
      );
  });
}

/** Opens the award's offers to the driver, once per driver and offer (an offer removed since is skipped). */
export async function unlockOffersInTx(
  tx: Tx,
  award: { driverId: string; campaignId: string; name: string; offerIds: string[] },
) {
  if (award.offerIds.length === 0) return;
  const offers = await tx.offer.findMany({ where: { id: { in: award.offerIds } }, select: { id: true } });
  await tx.driverOfferUnlock.createMany({
    data: offers.map((o) => ({
      driverId: award.driverId,
      offerId: o.id,
      campaignId: award.campaignId,
      campaignName: award.name,
    })),
    skipDuplicates: true,
  });
}

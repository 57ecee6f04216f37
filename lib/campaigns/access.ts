import "server-only";
import { assertCan, can, requireOwner, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Trigger } from "./definition";

/** The triggers a shop's own campaign may use: things that happen at the shop. */
export const SHOP_TRIGGERS: ReadonlySet<Trigger> = new Set(["purchase_verified", "redemption_confirmed"]);

/**
 * Who may manage campaigns for this scope: admins (any scope), or an owner of the shop for a
 * shop's campaign (staff 403, another merchant 404, a driver 403). Program-wide campaigns are admins' alone.
 */
export async function assertCampaignScope(actor: Actor, merchantId: string | null): Promise<void> {
  if (can(actor.role, "admin:campaigns")) return;
  if (merchantId === null) {
    assertCan(actor, "admin:campaigns");
    return;
  }
  await requireOwner(actor, merchantId);
}

/** A shop's campaign rewards only what happens at the shop. */
export function assertShopTrigger(actor: Actor, trigger: Trigger): void {
  if (can(actor.role, "admin:campaigns") || SHOP_TRIGGERS.has(trigger)) return;
  throw new AppError(
    "invalid_input",
    "A shop's campaign can reward purchases and redemptions at the shop; charging and sign-up campaigns are set by Nerava.",
  );
}

/** The campaign if the actor may manage it; a campaign outside the actor's scope is not found. */
export async function findManagedCampaign(actor: Actor, campaignId: string) {
  if (!can(actor.role, "admin:campaigns") && !can(actor.role, "merchant:operate")) throw forbidden();
  const campaign = await db().campaign.findUnique({ where: { id: campaignId } });
  if (!campaign) throw notFound("That campaign");
  if (campaign.merchantId === null && !can(actor.role, "admin:campaigns")) throw notFound("That campaign");
  await assertCampaignScope(actor, campaign.merchantId);
  return campaign;
}

/**
 * Nova and cash a campaign pays come from Nerava's accounts, never the shop's: a shop's owner
 * may put live only a campaign that unlocks offers; one that pays is launched by an admin after
 * review (the probe: an owner's "$100 cash per redemption" paid out of the program).
 */
export function assertMayPutLive(actor: Actor, merchantId: string | null, effects: readonly { kind: string }[]) {
  if (merchantId === null || can(actor.role, "admin:campaigns")) return;
  if (effects.every((e) => e.kind === "unlock_offer")) return;
  throw forbidden(
    "Nerava pays this campaign's Nova and cash, so Nerava reviews and launches it. It stays as it is until then; you can still edit it while it is not live.",
  );
}

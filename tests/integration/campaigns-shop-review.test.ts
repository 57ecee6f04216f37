import { describe, expect, it } from "vitest";
import { createCampaign, reviseCampaign, setCampaignEnabled, setCampaignStatus } from "@/lib/campaigns";
import { asAdmin, asMerchant, createUser, fakeMeta, testDb } from "../support/factories";
import { keepLedgerSound, purchaseMerchant } from "../support/purchases";
import { SINCE } from "../support/campaigns";

// The probe's finding: a shop's owner launched "$100 cash per redemption" with no budget and paid
// it out of Nerava's accounts. A campaign that pays goes live only by an admin's hand.
keepLedgerSound();

const paying = (name: string) => ({
  name,
  trigger: "redemption_confirmed",
  limits: { startsAt: SINCE.toISOString() },
  effects: [{ kind: "cash_bonus", cents: 10_000 }],
});
const statusOf = async (id: string) => (await testDb.campaign.findUniqueOrThrow({ where: { id } })).status;

describe("a shop's campaign that pays Nova or cash", () => {
  it("cannot be launched, resumed or revised live by the shop's owner; an admin launches it", async () => {
    const m = await purchaseMerchant();
    const owner = asMerchant(m.owner.id);
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const c = await createCampaign(owner, { merchantId: m.merchant.id, definition: paying("Free money") }, fakeMeta());

    await expect(setCampaignStatus(owner, c.id, "LIVE", fakeMeta())).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Nerava reviews and launches it"),
    });
    expect(await statusOf(c.id)).toBe("DRAFT");

    await setCampaignStatus(admin, c.id, "LIVE", fakeMeta());
    // live: the owner may not change what it pays, but may pause it or switch it off
    await expect(
      reviseCampaign(
        owner,
        c.id,
        { ...paying("Free money"), effects: [{ kind: "cash_bonus", cents: 5_000 }] },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ status: 403 });
    expect((await testDb.campaign.findUniqueOrThrow({ where: { id: c.id } })).currentVersion).toBe(1);
    await setCampaignEnabled(owner, c.id, false, fakeMeta());
    await setCampaignStatus(owner, c.id, "PAUSED", fakeMeta());

    // paused, the owner may edit it, but only an admin resumes it
    await reviseCampaign(owner, c.id, paying("Free money, revised"), fakeMeta());
    await expect(setCampaignStatus(owner, c.id, "LIVE", fakeMeta())).rejects.toMatchObject({ status: 403 });
    expect(await statusOf(c.id)).toBe("PAUSED");
    await setCampaignStatus(admin, c.id, "LIVE", fakeMeta());
    expect(await statusOf(c.id)).toBe("LIVE");
  });

  it("a draft turned into a paying one while its launch waits does not go live by the owner's hand", async () => {
    const m = await purchaseMerchant();
    const owner = asMerchant(m.owner.id);
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: m.merchant.id } });
    await testDb.offer.update({ where: { id: offer.id }, data: { unlockOnly: true } });
    const unlocks = { ...paying("Unlock"), effects: [{ kind: "unlock_offer", offerId: offer.id }] };
    const c = await createCampaign(owner, { merchantId: m.merchant.id, definition: unlocks }, fakeMeta());
    // launch and a paying revision at once: whichever order the row lock gives, nothing paying is live
    const [launch, revise] = await Promise.allSettled([
      setCampaignStatus(owner, c.id, "LIVE", fakeMeta()),
      reviseCampaign(owner, c.id, paying("Unlock"), fakeMeta()),
    ]);
    const row = await testDb.campaign.findUniqueOrThrow({ where: { id: c.id } });
    const live = await testDb.campaignVersion.findUniqueOrThrow({
      where: { campaignId_version: { campaignId: c.id, version: row.currentVersion } },
    });
    const liveEffects = (live.definition as { effects: { kind: string }[] }).effects.map((e) => e.kind);
    if (row.status === "LIVE") expect(liveEffects).toEqual(["unlock_offer"]);
    expect([launch.status, revise.status]).toContain("fulfilled");
  });
});

import { describe, expect, it } from "vitest";
import { createCampaign, setCampaignStatus, simulateCampaign } from "@/lib/campaigns";
import { confirmRedemption, redeemOffer } from "@/lib/merchants/redemptions";
import { grantNova } from "@/lib/rewards";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";
import {
  awardsOf,
  campaignRow,
  charger,
  drivers,
  liveCampaign,
  payVerified,
  verifiedSession,
} from "../support/campaigns";

keepLedgerSound();

const DAY = 86_400_000;
/** 17:00 UTC (late morning in Austin) d days ago, plus some minutes: never near a local midnight. */
const daysAgo = (d: number, minutes = 0) => {
  const t = new Date();
  t.setUTCHours(17, minutes, 0, 0);
  return new Date(t.getTime() - d * DAY);
};
const perDriver = (rows: { driverId: string; nova: number; cents: number }[]) => {
  const totals: Record<string, { nova: number; cents: number; awards: number }> = {};
  for (const r of rows) {
    const t = (totals[r.driverId] ??= { nova: 0, cents: 0, awards: 0 });
    t.nova += r.nova;
    t.cents += r.cents;
    t.awards += 1;
  }
  return totals;
};

describe("the campaign simulator", () => {
  it("equals what the live run pays over the same data: per driver, count, totals and the budget's end", async () => {
    const at = await charger();
    const { campaign, actor } = await liveCampaign(at.id, {
      limits: { startsAt: new Date("2026-01-01T00:00:00Z"), perDriverPerDay: 1, budgetNova: 900, budgetCents: 1_000 },
      effects: [
        { kind: "multiplier", factor: 2 },
        { kind: "cash_bonus", cents: 25 },
      ],
    });
    const [ana, ben, cy] = await drivers(3);
    // in time order, as verification would pay them: two on one day for Ana (the second is over her
    // daily limit), Ben on two days, Cy's second takes the last 100 Nova, Ana's last gets the cash only
    const plan: [string, Date][] = [
      [ana, daysAgo(6)],
      [ana, daysAgo(6, 30)],
      [ben, daysAgo(5)],
      [ben, daysAgo(4)],
      [cy, daysAgo(3)],
      [cy, daysAgo(2)],
      [ana, daysAgo(1)],
    ];
    for (const [driverId, startedAt] of plan) await payVerified(await verifiedSession(driverId, at.id, startedAt));

    const paid = await awardsOf(campaign.id);
    const row = await campaignRow(campaign.id);
    expect(row).toMatchObject({ spentNova: 900, spentCents: 150, awardCount: 6 }); // the Nova budget did run out live
    const sim = await simulateCampaign(actor, { campaignId: campaign.id, days: 30 });

    const live = perDriver(paid);
    expect(
      Object.fromEntries(sim.drivers.map((d) => [d.driverId, { nova: d.nova, cents: d.cents, awards: d.awards }])),
    ).toEqual(live);
    expect(sim).toMatchObject({ awards: paid.length, nova: row.spentNova, cents: row.spentCents, version: 1 });
    expect(sim.drivers.map((d) => d.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^drv-/)]));
    // the award that spent the last Nova is the one whose label says so, and the simulator dates it
    const last = paid.find((a) => a.label.endsWith("(the last of its budget)") && a.nova > 0)!;
    const lastSession = await testDb.chargingSession.findUniqueOrThrow({ where: { id: last.triggerId } });
    expect(sim.exhaustedAt).toEqual(lastSession.startedAt);
    expect(sim.refusals).toEqual(expect.arrayContaining([{ reason: "already earned 1× today", count: 1 }]));
  });

  it("dates a draft's budget exhaustion and replays only the window asked for", async () => {
    const at = await charger();
    const [dee, eve] = await drivers(2);
    const starts = [daysAgo(9), daysAgo(5), daysAgo(4), daysAgo(3), daysAgo(1)];
    for (const [i, startedAt] of starts.entries())
      await payVerified(await verifiedSession(i % 2 ? eve : dee, at.id, startedAt));
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const draft = {
      name: "Draft bonus",
      trigger: "session_verified",
      conditions: { chargerIds: [at.id] },
      // a start in the future: the simulator sets the draft's own dates aside and replays the window
      limits: { startsAt: new Date(Date.now() + 30 * DAY).toISOString(), budgetNova: 250 },
      effects: [{ kind: "bonus_nova", nova: 100 }],
    };

    const all = await simulateCampaign(admin, { definition: draft, days: 10 });
    expect(all).toMatchObject({ triggers: expect.any(Number), awards: 3, nova: 250, version: null });
    expect(all.exhaustedAt).toEqual(starts[2]);
    expect(all.drivers.map((d) => [d.driverId, d.nova])).toEqual([
      [dee, 150],
      [eve, 100],
    ]);
    expect(all.refusals).toEqual(expect.arrayContaining([{ reason: "the campaign's budget is used up", count: 2 }]));

    const recent = await simulateCampaign(admin, { definition: draft, days: 2 });
    expect(recent).toMatchObject({ awards: 1, nova: 100, exhaustedAt: null });
    expect(recent.drivers.map((d) => d.driverId)).toEqual([dee]);
    await expect(simulateCampaign(admin, { definition: draft, days: 91 })).rejects.toThrow(
      "Choose from 1 to 90 days to replay.",
    );
  });

  it("shows a shop's owner their own redemptions only, drivers by rank, equal to what its live campaign paid", async () => {
    const owner = await createUser({ role: "MERCHANT" });
    const staff = await createUser({ role: "MERCHANT" });
    const merchant = await createMerchant(owner.id);
    await testDb.merchantMember.create({ data: { merchantId: merchant.id, userId: staff.id, role: "STAFF" } });
    const other = await createMerchant((await createUser({ role: "MERCHANT" })).id);
    const definition = {
      name: "Come back soon",
      trigger: "redemption_confirmed",
      limits: { startsAt: "2026-01-01T00:00:00Z", perDriver: 1 },
      effects: [{ kind: "bonus_nova", nova: 40 }],
    };
    const c = await createCampaign(asMerchant(owner.id), { merchantId: merchant.id, definition }, fakeMeta());
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    await setCampaignStatus(admin, c.id, "LIVE", fakeMeta());
    const redeem = async (driverId: string, shop: typeof merchant) => {
      const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: shop.id } });
      const code = await redeemOffer(
        asDriver(driverId),
        { offerId: offer.id, idempotencyKey: `r-${uid()}${uid()}` },
        fakeMeta(),
      );
      const confirmer = (
        await testDb.merchantMember.findFirstOrThrow({ where: { merchantId: shop.id, role: "OWNER" } })
      ).userId;
      await confirmRedemption(asMerchant(confirmer), shop.id, { code: code.code }, fakeMeta());
    };
    const [fay, gus] = [await createUser(), await createUser()];
    for (const d of [fay, gus])
      await grantNova(
        admin,
        { driverId: d.id, amount: 1_000, reason: "test funds", idempotencyKey: `g-${uid()}${uid()}` },
        fakeMeta(),
      );
    await redeem(fay.id, merchant);
    await redeem(fay.id, merchant); // over the per-driver limit
    await redeem(gus.id, merchant);
    await redeem(gus.id, other); // another shop's: never shown to this owner

    const sim = await simulateCampaign(asMerchant(owner.id), { campaignId: c.id, days: 1 });
    expect(sim).toMatchObject({ triggers: 3, awards: (await awardsOf(c.id)).length, nova: 80 });
    expect(sim.drivers).toEqual([
      { driverId: "driver-1", label: "Driver 1", awards: 1, nova: 40, cents: 0 },
      { driverId: "driver-2", label: "Driver 2", awards: 1, nova: 40, cents: 0 },
    ]);
    expect(sim.refusals).toEqual([{ reason: "already earned 1×", count: 1 }]);
    await expect(simulateCampaign(asMerchant(staff.id), { campaignId: c.id, days: 1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    const outsider = asMerchant((await createUser({ role: "MERCHANT" })).id);
    await expect(simulateCampaign(outsider, { campaignId: c.id, days: 1 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      simulateCampaign(asMerchant(owner.id), {
        merchantId: merchant.id,
        definition: { ...definition, trigger: "session_verified" },
        days: 7,
      }),
    ).rejects.toThrow(/A shop's campaign can reward purchases and redemptions/);
  });
});

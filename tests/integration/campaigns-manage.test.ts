import { describe, expect, it } from "vitest";
import {
  createCampaign,
  getCampaign,
  listCampaigns,
  reviseCampaign,
  setCampaignEnabled,
  setCampaignStatus,
} from "@/lib/campaigns";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";
import { SINCE } from "../support/campaigns";

keepLedgerSound();

const nightOwl = {
  name: "Night owl bonus",
  trigger: "session_verified",
  conditions: { hours: { start: "01:00", end: "05:00" } },
  limits: { startsAt: SINCE.toISOString(), budgetNova: 100_000 },
  effects: [{ kind: "multiplier", factor: 2 }],
};
const shopDeal = {
  name: "Coffee and a charge",
  trigger: "purchase_verified",
  limits: { startsAt: SINCE.toISOString(), perDriver: 1 },
  effects: [{ kind: "bonus_nova", nova: 100 }],
};
const auditOf = async (campaignId: string) =>
  (
    await testDb.auditLog.findMany({
      where: { targetType: "campaign", targetId: campaignId },
      orderBy: { createdAt: "asc" },
    })
  ).map((a) => a.action);
const admin = async () => asAdmin((await createUser({ role: "ADMIN" })).id);

describe("campaign management (admins)", () => {
  it("creates a draft, revises it into a new version, launches, pauses, switches off and ends it — every change audited", async () => {
    const actor = await admin();
    const campaign = await createCampaign(actor, { definition: nightOwl }, fakeMeta());
    expect(campaign).toMatchObject({ status: "DRAFT", currentVersion: 1, enabled: true, merchantId: null });
    await reviseCampaign(actor, campaign.id, { ...nightOwl, effects: [{ kind: "multiplier", factor: 3 }] }, fakeMeta());
    await setCampaignStatus(actor, campaign.id, "LIVE", fakeMeta());
    await setCampaignStatus(actor, campaign.id, "PAUSED", fakeMeta());
    await setCampaignEnabled(actor, campaign.id, false, fakeMeta());
    await setCampaignStatus(actor, campaign.id, "ENDED", fakeMeta());

    const got = await getCampaign(actor, campaign.id);
    expect(got.versions.map((v) => [v.version, v.definition.effects[0]])).toEqual([
      [1, { kind: "multiplier", factor: 2 }],
      [2, { kind: "multiplier", factor: 3 }],
    ]);
    expect(got).toMatchObject({ status: "ENDED", enabled: false, currentVersion: 2, totals: { awards: 0, nova: 0 } });
    expect(await auditOf(campaign.id)).toEqual([
      "campaign.created",
      "campaign.revised",
      "campaign.status_changed",
      "campaign.status_changed",
      "campaign.switched",
      "campaign.status_changed",
    ]);
    expect((await listCampaigns(actor)).some((c) => c.id === campaign.id)).toBe(true);
  });

  it("refuses an invalid definition, a move an ended campaign cannot make, and a change of trigger, in sentences", async () => {
    const actor = await admin();
    await expect(createCampaign(actor, { definition: { ...nightOwl, effects: [] } }, fakeMeta())).rejects.toMatchObject(
      { status: 422, message: "The campaign is not valid. Add at least one effect." },
    );
    const campaign = await createCampaign(actor, { definition: nightOwl }, fakeMeta());
    await expect(
      reviseCampaign(actor, campaign.id, { ...nightOwl, trigger: "first_charge" }, fakeMeta()),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("trigger cannot change"),
    });
    await expect(setCampaignStatus(actor, campaign.id, "PAUSED", fakeMeta())).rejects.toMatchObject({
      status: 409,
      message: "A campaign that is a draft cannot become paused.",
    });
    await setCampaignStatus(actor, campaign.id, "ENDED", fakeMeta());
    await expect(setCampaignStatus(actor, campaign.id, "LIVE", fakeMeta())).rejects.toMatchObject({ status: 409 });
    await expect(reviseCampaign(actor, campaign.id, nightOwl, fakeMeta())).rejects.toMatchObject({ status: 409 });
    expect(await auditOf(campaign.id)).toEqual(["campaign.created", "campaign.status_changed"]);
  });

  it("says a campaign is already where it was asked to go, instead of a rule about moves", async () => {
    const actor = await admin();
    const campaign = await createCampaign(actor, { definition: nightOwl }, fakeMeta());
    await setCampaignStatus(actor, campaign.id, "LIVE", fakeMeta());
    await expect(setCampaignStatus(actor, campaign.id, "LIVE", fakeMeta())).rejects.toMatchObject({
      status: 409,
      message: "This campaign is already live.",
    });
    await setCampaignStatus(actor, campaign.id, "PAUSED", fakeMeta());
    await expect(setCampaignStatus(actor, campaign.id, "PAUSED", fakeMeta())).rejects.toMatchObject({
      status: 409,
      message: "This campaign is already paused.",
    });
    await setCampaignStatus(actor, campaign.id, "ENDED", fakeMeta());
    await expect(setCampaignStatus(actor, campaign.id, "ENDED", fakeMeta())).rejects.toMatchObject({
      status: 409,
      message: "This campaign has already ended.",
    });
    expect(await auditOf(campaign.id)).toEqual([
      "campaign.created",
      "campaign.status_changed",
      "campaign.status_changed",
      "campaign.status_changed",
    ]);
  });

  it("refuses a revision whose budget is below what the campaign has already spent, naming the amount", async () => {
    const actor = await admin();
    const campaign = await createCampaign(
      actor,
      { definition: { ...nightOwl, limits: { ...nightOwl.limits, budgetCents: 50_000 } } },
      fakeMeta(),
    );
    await setCampaignStatus(actor, campaign.id, "LIVE", fakeMeta());
    // what awards have spent (each award bumps these under the campaign row's lock)
    await testDb.campaign.update({ where: { id: campaign.id }, data: { spentNova: 1_200, spentCents: 1_250 } });
    const revise = (limits: Record<string, unknown>) =>
      reviseCampaign(actor, campaign.id, { ...nightOwl, limits: { ...nightOwl.limits, ...limits } }, fakeMeta());

    await expect(revise({ budgetNova: 1_199 })).rejects.toMatchObject({
      status: 422,
      message: "This campaign has already spent 1,200 Nova: its Nova budget cannot be less than that.",
    });
    await expect(revise({ budgetCents: 1_249 })).rejects.toMatchObject({
      status: 422,
      message: "This campaign has already spent $12.50 in cash: its cash budget cannot be less than that.",
    });
    expect((await getCampaign(actor, campaign.id)).currentVersion).toBe(1);
    await expect(revise({ budgetNova: 1_200, budgetCents: 1_250 })).resolves.toMatchObject({ version: 2 });
  });

  it("refuses the kill switch of an ended campaign, in a sentence, and changes nothing", async () => {
    const actor = await admin();
    const campaign = await createCampaign(actor, { definition: nightOwl }, fakeMeta());
    await setCampaignStatus(actor, campaign.id, "ENDED", fakeMeta());
    for (const enabled of [false, true])
      await expect(setCampaignEnabled(actor, campaign.id, enabled, fakeMeta())).rejects.toMatchObject({
        status: 409,
        message: "This campaign has ended: it pays nothing for good, so its kill switch can no longer be changed.",
      });
    expect(await getCampaign(actor, campaign.id)).toMatchObject({ status: "ENDED", enabled: true });
    expect(await auditOf(campaign.id)).toEqual(["campaign.created", "campaign.status_changed"]);
  });

  it("keeps versions immutable in the database itself", async () => {
    const campaign = await createCampaign(await admin(), { definition: nightOwl }, fakeMeta());
    await expect(
      testDb.$executeRaw`UPDATE "CampaignVersion" SET "definition" = '{}' WHERE "campaignId" = ${campaign.id}`,
    ).rejects.toThrow(/immutable/);
    await expect(
      testDb.$executeRaw`UPDATE "Campaign" SET "spentNova" = -1 WHERE "id" = ${campaign.id}`,
    ).rejects.toThrow(/campaign_spent_non_negative/);
  });
});

describe("campaign management (who may)", () => {
  it("a driver is refused (403) everywhere", async () => {
    const campaign = await createCampaign(await admin(), { definition: nightOwl }, fakeMeta());
    const driver = asDriver((await createUser()).id);
    await expect(createCampaign(driver, { definition: nightOwl }, fakeMeta())).rejects.toMatchObject({ status: 403 });
    await expect(listCampaigns(driver)).rejects.toMatchObject({ status: 403 });
    await expect(getCampaign(driver, campaign.id)).rejects.toMatchObject({ status: 403 });
    await expect(setCampaignEnabled(driver, campaign.id, false, fakeMeta())).rejects.toMatchObject({ status: 403 });
  });

  it("a shop owner manages their shop's purchase campaigns only; other shops' and program-wide campaigns are not found", async () => {
    const owner = await createUser({ role: "MERCHANT" });
    const shop = await createMerchant(owner.id);
    const otherOwner = await createUser({ role: "MERCHANT" });
    const other = await createMerchant(otherOwner.id);
    const me = asMerchant(owner.id);
    const mine = await createCampaign(me, { merchantId: shop.id, definition: shopDeal }, fakeMeta());
    expect(mine).toMatchObject({ merchantId: shop.id, trigger: "purchase_verified" });
    await setCampaignStatus(me, mine.id, "ENDED", fakeMeta());
    expect((await listCampaigns(me, { merchantId: shop.id })).map((c) => c.id)).toEqual([mine.id]);

    await expect(createCampaign(me, { merchantId: shop.id, definition: nightOwl }, fakeMeta())).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("purchases and redemptions"),
    });
    await expect(createCampaign(me, { definition: shopDeal }, fakeMeta())).rejects.toMatchObject({ status: 403 });
    const theirs = await createCampaign(
      asMerchant(otherOwner.id),
      { merchantId: other.id, definition: shopDeal },
      fakeMeta(),
    );
    const programWide = await createCampaign(await admin(), { definition: nightOwl }, fakeMeta());
    for (const id of [theirs.id, programWide.id]) {
      await expect(getCampaign(me, id)).rejects.toMatchObject({ status: 404 });
      await expect(setCampaignStatus(me, id, "ENDED", fakeMeta())).rejects.toMatchObject({ status: 404 });
    }
    await expect(createCampaign(me, { merchantId: other.id, definition: shopDeal }, fakeMeta())).rejects.toMatchObject({
      status: 404,
    });
    await expect(listCampaigns(me, { merchantId: other.id })).rejects.toMatchObject({ status: 404 });

    const staff = await createUser({ role: "MERCHANT" });
    await testDb.merchantMember.create({ data: { merchantId: shop.id, userId: staff.id, role: "STAFF" } });
    await expect(setCampaignEnabled(asMerchant(staff.id), mine.id, false, fakeMeta())).rejects.toMatchObject({
      status: 403,
    });
    expect(await auditOf(mine.id)).toEqual(["campaign.created", "campaign.status_changed"]);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCampaign } from "@/lib/campaigns";
import { actAs, refusedWith, run } from "../support/actions";
import { asAdmin, asMerchant, createMerchant, createUser, fakeMeta, signedIn, testDb } from "../support/factories";

// The campaign console's actions: the zod form → session → permission → domain chain, per-field
// sentences for a bad form, and every wrong role or other shop refused with nothing written.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const admin = {
  ...(await import("@/lib/actions/admin/create-campaign")),
  ...(await import("@/lib/actions/admin/revise-campaign")),
  ...(await import("@/lib/actions/admin/set-campaign-status")),
  ...(await import("@/lib/actions/admin/switch-campaign")),
  ...(await import("@/lib/actions/admin/simulate-campaign")),
};
const shop = {
  ...(await import("@/lib/actions/merchant/create-campaign")),
  ...(await import("@/lib/actions/merchant/revise-campaign")),
  ...(await import("@/lib/actions/merchant/set-campaign-status")),
  ...(await import("@/lib/actions/merchant/switch-campaign")),
  ...(await import("@/lib/actions/merchant/simulate-campaign")),
};

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

/** The form as a page renders it: a new idempotency key each time. */
const fields = (over: Record<string, string> = {}) => ({
  requestKey: randomUUID(),
  name: "Happy hour",
  trigger: "session_verified",
  days: "1,2,3,4,5",
  hoursStart: "14:00",
  hoursEnd: "16:00",
  segment: "any",
  startsAt: "2026-01-01T00:00:00.000Z",
  budgetNova: "10000",
  effect0Kind: "multiplier",
  effect0Value: "2",
  ...over,
});

async function world() {
  const [adminUser, driver, owner, staff, outsider] = await Promise.all([
    createUser({ role: "ADMIN" }),
    createUser(),
    createUser({ role: "MERCHANT" }),
    createUser({ role: "MERCHANT" }),
    createUser({ role: "MERCHANT" }),
  ]);
  const merchant = await createMerchant(owner.id);
  await createMerchant(outsider.id);
  await testDb.merchantMember.create({ data: { merchantId: merchant.id, userId: staff.id, role: "STAFF" } });
  const programCampaign = await createCampaign(
    asAdmin(adminUser.id),
    {
      definition: {
        name: "Happy hour",
        trigger: "session_verified",
        limits: { startsAt: "2026-01-01T00:00:00Z" },
        effects: [{ kind: "multiplier", factor: 2 }],
      },
    },
    fakeMeta(),
  );
  const shopCampaign = await createCampaign(
    asMerchant(owner.id),
    {
      merchantId: merchant.id,
      definition: {
        name: "Coffee regulars",
        trigger: "purchase_verified",
        limits: { startsAt: "2026-01-01T00:00:00Z" },
        effects: [{ kind: "bonus_nova", nova: 50 }],
      },
    },
    fakeMeta(),
  );
  const token = async (id: string) => (await signedIn(id)).sessionToken;
  return {
    merchant,
    programCampaign,
    shopCampaign,
    sessions: {
      admin: await token(adminUser.id),
      driver: await token(driver.id),
      owner: await token(owner.id),
      staff: await token(staff.id),
      outsider: await token(outsider.id),
    },
  };
}
type World = Awaited<ReturnType<typeof world>>;

const unchanged = async (w: World) => {
  for (const c of [w.programCampaign, w.shopCampaign])
    expect(await testDb.campaign.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "DRAFT",
      enabled: true,
      currentVersion: 1,
    });
};

const moves = (campaignId: string, extra: Record<string, string> = {}) =>
  [
    ["revise", { ...fields(extra), campaignId }],
    ["status", { campaignId, status: "LIVE" }],
    ["switch", { campaignId, enabled: "false" }],
    ["simulate", { source: "stored", replayDays: "7", campaignId }],
  ] as const;

describe("campaign console actions", () => {
  it("refuse a driver and a merchant every admin action, and a driver, staff or another shop every shop action", async () => {
    const w = await world();
    const adminActs = [
      admin.reviseCampaignAction,
      admin.setCampaignStatusAction,
      admin.switchCampaignAction,
      admin.simulateCampaignAction,
    ];
    for (const who of [w.sessions.driver, w.sessions.owner]) {
      actAs(who);
      expect(await run(admin.createCampaignAction, fields())).toEqual(refusedWith("forbidden"));
      for (const [i, [, input]] of moves(w.programCampaign.id).entries())
        expect(await run(adminActs[i], input)).toEqual(refusedWith("forbidden"));
    }
    const shopActs = [
      shop.reviseShopCampaignAction,
      shop.setShopCampaignStatusAction,
      shop.switchShopCampaignAction,
      shop.simulateShopCampaignAction,
    ];
    const shopForm = { trigger: "purchase_verified", effect0Kind: "bonus_nova", effect0Value: "50" };
    for (const [who, code] of [
      [w.sessions.driver, "forbidden"],
      [w.sessions.staff, "forbidden"],
      [w.sessions.outsider, "not_found"],
    ] as const) {
      actAs(who);
      expect(await run(shop.createShopCampaignAction, { ...fields(shopForm), merchantId: w.merchant.id })).toEqual(
        refusedWith(code),
      );
      for (const [i, [, input]] of moves(w.shopCampaign.id, shopForm).entries())
        expect(await run(shopActs[i], input), `${code} ${i}`).toEqual(refusedWith(code));
    }
    // nor may a shop owner reach a program-wide campaign through the shop's actions
    actAs(w.sessions.owner);
    expect(await run(shop.setShopCampaignStatusAction, { campaignId: w.programCampaign.id, status: "LIVE" })).toEqual(
      refusedWith("not_found"),
    );
    await unchanged(w);
  });

  it("answer a bad form with a sentence under each field, and write nothing", async () => {
    const w = await world();
    actAs(w.sessions.admin);
    const before = await testDb.campaign.count();
    expect(await run(admin.createCampaignAction, fields({ name: "x", hoursEnd: "14:00", effect0Value: "" }))).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message: "Please correct the highlighted fields.",
        fields: {
          name: "Name must be at least 3 characters.",
          hoursEnd: "The start and end times must differ.",
          effect0: "Effect 1: enter an amount.",
        },
      },
    });
    expect(
      await run(admin.simulateCampaignAction, {
        ...fields({ budgetDollars: "ten" }),
        source: "draft",
        replayDays: "200",
      }),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        fields: {
          replayDays: "Replay at most 90 days.",
          budgetDollars: "Cash budget: enter dollars and cents, such as 12.50.",
        },
      }),
    });
    actAs(w.sessions.owner);
    expect(await run(shop.createShopCampaignAction, { ...fields(), merchantId: w.merchant.id })).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message:
          "A shop's campaign can reward purchases and redemptions at the shop; charging and sign-up campaigns are set by Nerava.",
      },
    });
    expect(await testDb.campaign.count()).toBe(before);
  });

  it("let an admin create, revise, simulate, launch and switch off, and a shop owner do the same for the shop", async () => {
    const w = await world();
    actAs(w.sessions.admin);
    const created = (await run(admin.createCampaignAction, fields({ name: "Console bonus" }))) as { redirect: string };
    const id = /^\/admin\/campaigns\/(\w+)\?created=1$/.exec(created.redirect)![1];
    expect(
      await run(admin.reviseCampaignAction, {
        ...fields({ name: "Console bonus", effect0Value: "3" }),
        campaignId: id,
      }),
    ).toEqual({
      ok: true,
      data: { id, version: 2 },
    });
    expect(
      await run(admin.simulateCampaignAction, { source: "stored", replayDays: "30", campaignId: id, version: "1" }),
    ).toMatchObject({
      ok: true,
      data: { version: 1, days: 30, awards: expect.any(Number) },
    });
    expect(await run(admin.setCampaignStatusAction, { campaignId: id, status: "LIVE" })).toEqual({
      ok: true,
      data: { id, status: "LIVE" },
    });
    expect(await run(admin.switchCampaignAction, { campaignId: id, enabled: "false" })).toEqual({
      ok: true,
      data: { id, enabled: false },
    });
    expect(await testDb.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "LIVE",
      enabled: false,
      currentVersion: 2,
    });

    actAs(w.sessions.owner);
    const shopFields = fields({
      name: "Second coffee",
      trigger: "purchase_verified",
      effect0Kind: "bonus_nova",
      effect0Value: "25",
    });
    const made = (await run(shop.createShopCampaignAction, { ...shopFields, merchantId: w.merchant.id })) as {
      redirect: string;
    };
    const shopId = /^\/merchant\/campaigns\/(\w+)\?created=1$/.exec(made.redirect)![1];
    expect(await testDb.campaign.findUniqueOrThrow({ where: { id: shopId } })).toMatchObject({
      merchantId: w.merchant.id,
      status: "DRAFT",
    });
    expect(
      await run(shop.simulateShopCampaignAction, {
        ...shopFields,
        source: "draft",
        replayDays: "7",
        merchantId: w.merchant.id,
      }),
    ).toMatchObject({
      ok: true,
      data: { version: null, awards: 0 },
    });
    expect(await run(shop.setShopCampaignStatusAction, { campaignId: shopId, status: "ENDED" })).toEqual({
      ok: true,
      data: { id: shopId, status: "ENDED" },
    });
    expect(await run(shop.setShopCampaignStatusAction, { campaignId: shopId, status: "LIVE" })).toEqual({
      ok: false,
      error: { code: "campaign_state", message: "A campaign that is ended cannot become live." },
    });
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCampaign, reviseCampaign } from "@/lib/campaigns";
import { createOffer } from "@/lib/offers";
import { actAs, run } from "../support/actions";
import { SINCE } from "../support/campaigns";
import { onPostgresServer } from "../support/env";
import { asAdmin, asMerchant, createMerchant, createUser, fakeMeta, signedIn, testDb } from "../support/factories";

// Issue 16's probe: the same campaign form posted twice (a double click, a resubmit) made two drafts.
// Each create form carries a key made when it rendered, stored under a unique constraint: however
// many copies arrive, at once or one after another, one campaign (one version, one offer) is made and
// every copy is answered with it. A key is one person's: another's request with it is refused.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { createCampaignAction } = await import("@/lib/actions/admin/create-campaign");
const { createOfferAction } = await import("@/lib/actions/merchant/create-offer");

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const N = 8;
const nightOwl = {
  name: "Night owl bonus",
  trigger: "session_verified",
  conditions: { hours: { start: "01:00", end: "05:00" } },
  limits: { startsAt: SINCE.toISOString() },
  effects: [{ kind: "multiplier", factor: 2 }],
};
const campaignsNamed = (name: string) => testDb.campaign.findMany({ where: { name } });
const auditCount = (action: string, targetId: string) => testDb.auditLog.count({ where: { action, targetId } });

describe.runIf(onPostgresServer)("replayed creates make one row, decided by the database", () => {
  it(`${N} concurrent creates of one campaign form make one draft, and every copy gets it`, async () => {
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const name = `Replay ${randomUUID().slice(0, 8)}`;
    const requestKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        createCampaign(admin, { definition: { ...nightOwl, name }, requestKey }, fakeMeta()),
      ),
    );
    const made = await campaignsNamed(name);
    expect(made).toHaveLength(1);
    expect(new Set(results.map((c) => c.id))).toEqual(new Set([made[0].id]));
    expect(await testDb.campaignVersion.count({ where: { campaignId: made[0].id } })).toBe(1);
    expect(await auditCount("campaign.created", made[0].id)).toBe(1);
    // a new form (a new key) is a new campaign, even with the same rules
    await createCampaign(admin, { definition: { ...nightOwl, name }, requestKey: randomUUID() }, fakeMeta());
    expect(await campaignsNamed(name)).toHaveLength(2);
  });

  it(`${N} concurrent saves of one revision form make one new version`, async () => {
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const campaign = await createCampaign(admin, { definition: nightOwl, requestKey: randomUUID() }, fakeMeta());
    const requestKey = randomUUID();
    const revised = { ...nightOwl, effects: [{ kind: "multiplier", factor: 3 }] };
    const answers = await Promise.all(
      Array.from({ length: N }, () => reviseCampaign(admin, campaign.id, revised, fakeMeta(), requestKey)),
    );
    expect(answers).toEqual(Array.from({ length: N }, () => ({ id: campaign.id, version: 2 })));
    expect(await testDb.campaignVersion.count({ where: { campaignId: campaign.id } })).toBe(2);
    expect((await testDb.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).currentVersion).toBe(2);
    expect(await auditCount("campaign.revised", campaign.id)).toBe(1);
  });

  it("another person's request with a key already used is refused, and makes nothing", async () => {
    const [first, second] = [
      asAdmin((await createUser({ role: "ADMIN" })).id),
      asAdmin((await createUser({ role: "ADMIN" })).id),
    ];
    const requestKey = randomUUID();
    const name = `Taken ${randomUUID().slice(0, 8)}`;
    await createCampaign(first, { definition: { ...nightOwl, name }, requestKey }, fakeMeta());
    await expect(
      createCampaign(second, { definition: { ...nightOwl, name }, requestKey }, fakeMeta()),
    ).rejects.toMatchObject({
      code: "idempotency_conflict",
      message: "This form was already used for another change. Reload the page and try again.",
    });
    expect(await campaignsNamed(name)).toHaveLength(1);
  });

  it("the admin's form posted twice (the probe's replay) redirects both times to the one draft", async () => {
    const admin = await createUser({ role: "ADMIN" });
    actAs((await signedIn(admin.id)).sessionToken);
    const name = `Double click ${randomUUID().slice(0, 8)}`;
    const form = {
      requestKey: randomUUID(),
      name,
      trigger: "session_verified",
      hoursStart: "01:00",
      hoursEnd: "05:00",
      startsAt: "2026-01-01T00:00:00.000Z",
      effect0Kind: "multiplier",
      effect0Value: "2",
    };
    const answers = await Promise.all([run(createCampaignAction, form), run(createCampaignAction, form)]);
    const again = await run(createCampaignAction, form);
    const [made] = await campaignsNamed(name);
    expect(await campaignsNamed(name)).toHaveLength(1);
    for (const a of [...answers, again]) expect(a).toEqual({ redirect: `/admin/campaigns/${made.id}?created=1` });
  });

  it(`${N} concurrent copies of the new-offer form make one offer, through the action too`, async () => {
    const owner = await createUser({ role: "MERCHANT" });
    const shop = await createMerchant(owner.id);
    const title = `Replayed latte ${randomUUID().slice(0, 6)}`;
    const input = {
      merchantId: shop.id,
      title,
      description: "One iced latte, any size.",
      novaPrice: 200,
      startsAt: new Date(Date.now() - 60_000),
      endsAt: null,
      totalLimit: null,
      perDriverLimit: null,
      unlockOnly: false,
      requestKey: randomUUID(),
    };
    const offers = await Promise.all(
      Array.from({ length: N }, () => createOffer(asMerchant(owner.id), input, fakeMeta())),
    );
    expect(new Set(offers.map((o) => o.id)).size).toBe(1);
    expect(await testDb.offer.count({ where: { merchantId: shop.id, title } })).toBe(1);

    actAs((await signedIn(owner.id)).sessionToken);
    const form = {
      requestKey: randomUUID(),
      merchantId: shop.id,
      title: `${title} (form)`,
      description: "One iced latte, any size.",
      novaPrice: "200",
      startsAt: new Date(Date.now() - 60_000).toISOString(),
    };
    const answers = await Promise.all([run(createOfferAction, form), run(createOfferAction, form)]);
    for (const a of answers) expect(a).toEqual({ redirect: "/merchant/offers" });
    expect(await testDb.offer.count({ where: { merchantId: shop.id, title: `${title} (form)` } })).toBe(1);
  });
});

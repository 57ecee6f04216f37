import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listLiveOffers } from "@/lib/discovery";
import { redeemOffer } from "@/lib/merchants";
import { createOffer, endOffer, listMerchantOffers, pauseOffer, resumeOffer, updateOffer } from "@/lib/offers";
import { grantNova } from "@/lib/rewards";
import { actAs, refusedWith, run } from "../support/actions";
import {
  asAdmin,
  asDriver,
  asMerchant,
  createMerchant,
  createUser,
  fakeMeta,
  signedIn,
  testDb,
  uid,
} from "../support/factories";

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { createOfferAction } = await import("@/lib/actions/merchant/create-offer");
const { resumeOfferAction } = await import("@/lib/actions/merchant/resume-offer");

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const key = () => `k-${uid()}-${uid()}-${uid()}`;
const hour = 3600_000;
const fields = (merchantId: string, over: Partial<Record<string, string>> = {}) => ({
  requestKey: key(),
  merchantId,
  title: "Free drip coffee",
  description: "One small drip coffee, any roast.",
  novaPrice: "150",
  startsAt: new Date(Date.now() - hour).toISOString(),
  endsAt: "",
  totalLimit: "",
  perDriverLimit: "",
  ...over,
});
const offerInput = (merchantId: string, over: Record<string, unknown> = {}) => ({
  merchantId,
  title: "Free drip coffee",
  description: "One small drip coffee, any roast.",
  novaPrice: 150,
  startsAt: new Date(Date.now() - hour),
  endsAt: null,
  totalLimit: null,
  perDriverLimit: null,
  unlockOnly: false,
  ...over,
});
const editOf = (offer: { id: string; merchantId: string; startsAt: Date }, over: Record<string, unknown> = {}) => ({
  ...offerInput(offer.merchantId, { startsAt: offer.startsAt }),
  offerId: offer.id,
  ...over,
});

/** A shop with its owner and a staff member, a stranger with their own shop, a funded driver. */
async function world() {
  const owner = await createUser({ role: "MERCHANT" });
  const shop = await createMerchant(owner.id);
  const staff = await createUser({ role: "MERCHANT" });
  await testDb.merchantMember.create({ data: { merchantId: shop.id, userId: staff.id, role: "STAFF" } });
  const stranger = await createUser({ role: "MERCHANT" });
  await createMerchant(stranger.id);
  const driver = await createUser();
  const admin = await createUser({ role: "ADMIN" });
  await grantNova(
    asAdmin(admin.id),
    { driverId: driver.id, amount: 5000, reason: "funds", idempotencyKey: key() },
    fakeMeta(),
  );
  return { owner, shop, staff, stranger, driver, admin };
}

const listed = async (offerId: string) => (await listLiveOffers(100_000)).some((o) => o.id === offerId);
const redeem = (driverId: string, offerId: string) =>
  redeemOffer(asDriver(driverId), { offerId, idempotencyKey: key() }, fakeMeta());
const auditsOf = (offerId: string) =>
  testDb.auditLog.findMany({ where: { targetType: "offer", targetId: offerId }, orderBy: { createdAt: "asc" } });

describe("offers management", () => {
  it("create, edit, pause, resume and end, each audited with what changed", async () => {
    const w = await world();
    const owner = asMerchant(w.owner.id);
    const offer = await createOffer(owner, offerInput(w.shop.id), fakeMeta());
    expect(await listed(offer.id)).toBe(true);

    await updateOffer(owner, editOf(offer, { title: "Free oat latte", novaPrice: 220 }), fakeMeta());
    await pauseOffer(owner, { merchantId: w.shop.id, offerId: offer.id }, fakeMeta());
    expect(await listed(offer.id)).toBe(false);
    await expect(redeem(w.driver.id, offer.id)).rejects.toMatchObject({ code: "not_found" });
    await resumeOffer(owner, { merchantId: w.shop.id, offerId: offer.id }, fakeMeta());
    expect(await listed(offer.id)).toBe(true);
    await endOffer(owner, { merchantId: w.shop.id, offerId: offer.id }, fakeMeta());
    expect(await listed(offer.id)).toBe(false);
    await expect(redeem(w.driver.id, offer.id)).rejects.toMatchObject({ code: "not_found" });

    const audits = await auditsOf(offer.id);
    expect(audits.map((a) => a.action)).toEqual([
      "offer.created",
      "offer.updated",
      "offer.paused",
      "offer.resumed",
      "offer.ended",
    ]);
    expect(audits.every((a) => a.actorId === w.owner.id)).toBe(true);
    expect(audits[1].metadata).toMatchObject({
      changes: {
        title: { before: "Free drip coffee", after: "Free oat latte" },
        novaPrice: { before: 150, after: 220 },
      },
    });
    expect(Object.keys((audits[1].metadata as { changes: object }).changes).sort()).toEqual(["novaPrice", "title"]);
    expect(audits[2].metadata).toMatchObject({ changes: { active: { before: true, after: false } } });
    expect(audits[4].metadata).toMatchObject({
      changes: { active: { before: true, after: false }, endsAt: { before: null } },
    });

    const row = await testDb.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row.active).toBe(false);
    expect(row.endsAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const list = await listMerchantOffers(owner, w.shop.id);
    expect(list.offers.find((o) => o.id === offer.id)?.status).toBe("ended");
  });

  it("an ended offer cannot be resumed or edited", async () => {
    const w = await world();
    const owner = asMerchant(w.owner.id);
    const offer = await createOffer(owner, offerInput(w.shop.id), fakeMeta());
    await endOffer(owner, { merchantId: w.shop.id, offerId: offer.id }, fakeMeta());
    actAs((await signedIn(w.owner.id)).sessionToken);
    expect(await run(resumeOfferAction, { merchantId: w.shop.id, offerId: offer.id })).toEqual({
      ok: false,
      error: { code: "offer_ended", message: "An ended offer cannot be resumed. Create a new offer instead." },
    });
    await expect(updateOffer(owner, editOf(offer, { title: "Back again" }), fakeMeta())).rejects.toMatchObject({
      code: "offer_ended",
    });
    expect(await testDb.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      active: false,
      title: "Free drip coffee",
    });
  });

  it("ending an offer that has not started keeps its window ordered", async () => {
    const w = await world();
    const owner = asMerchant(w.owner.id);
    const later = await createOffer(
      owner,
      offerInput(w.shop.id, { startsAt: new Date(Date.now() + 24 * hour) }),
      fakeMeta(),
    );
    const ended = await endOffer(owner, { merchantId: w.shop.id, offerId: later.id }, fakeMeta());
    expect(ended.endsAt!.getTime()).toBeGreaterThan(ended.startsAt.getTime());
    expect((await listMerchantOffers(owner, w.shop.id)).offers.find((o) => o.id === later.id)?.status).toBe("ended");
  });

  it("only owners manage offers: staff 403 (and see the list read-only), outsider 404, driver 403", async () => {
    const w = await world();
    const offer = await createOffer(asMerchant(w.owner.id), offerInput(w.shop.id), fakeMeta());
    const ref = { merchantId: w.shop.id, offerId: offer.id };
    const cases = [
      [asMerchant(w.staff.id), "forbidden"],
      [asMerchant(w.stranger.id), "not_found"],
      [asDriver(w.driver.id), "forbidden"],
    ] as const;
    for (const [actor, code] of cases) {
      await expect(createOffer(actor, offerInput(w.shop.id), fakeMeta())).rejects.toMatchObject({ code });
      await expect(updateOffer(actor, editOf(offer, { title: "Hijacked" }), fakeMeta())).rejects.toMatchObject({
        code,
      });
      await expect(pauseOffer(actor, ref, fakeMeta())).rejects.toMatchObject({ code });
      await expect(resumeOffer(actor, ref, fakeMeta())).rejects.toMatchObject({ code });
      await expect(endOffer(actor, ref, fakeMeta())).rejects.toMatchObject({ code });
    }
    expect(await testDb.offer.count({ where: { merchantId: w.shop.id } })).toBe(2); // the factory's and ours
    expect(await testDb.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      active: true,
      title: "Free drip coffee",
    });
    expect((await auditsOf(offer.id)).map((a) => a.action)).toEqual(["offer.created"]);

    const staffView = await listMerchantOffers(asMerchant(w.staff.id), w.shop.id);
    expect(staffView).toMatchObject({ role: "STAFF", canManage: false });
    expect(staffView.offers.map((o) => o.id)).toContain(offer.id);
    await expect(listMerchantOffers(asMerchant(w.stranger.id), w.shop.id)).rejects.toMatchObject({ code: "not_found" });

    // the action refuses staff too, with the same code
    actAs((await signedIn(w.staff.id)).sessionToken);
    expect(await run(createOfferAction, fields(w.shop.id))).toEqual(refusedWith("forbidden"));
  });

  it("refuses bad input with a sentence next to the field", async () => {
    const w = await world();
    actAs((await signedIn(w.owner.id)).sessionToken);
    const start = new Date(Date.now() + hour);
    const cases: [Record<string, string>, string, string][] = [
      [{ title: "Hi" }, "title", "The title is 3 to 80 characters."],
      [{ title: "x".repeat(81) }, "title", "The title is 3 to 80 characters."],
      [{ description: "Short" }, "description", "The description is 10 to 500 characters."],
      [{ novaPrice: "0" }, "novaPrice", "The price is at least 1 Nova."],
      [{ novaPrice: "1.5" }, "novaPrice", "The price is a whole number of Nova."],
      [{ novaPrice: "100001" }, "novaPrice", "The price is at most 100,000 Nova."],
      [{ startsAt: "tomorrow" }, "startsAt", "Choose when the offer starts."],
      [
        { startsAt: start.toISOString(), endsAt: new Date(start.getTime() - 60_000).toISOString() },
        "endsAt",
        "The offer must end after it starts.",
      ],
      [{ totalLimit: "0" }, "totalLimit", "The total limit is at least 1 (leave it empty for no limit)."],
      [
        { totalLimit: "5", perDriverLimit: "6" },
        "perDriverLimit",
        "The per-driver limit cannot be more than the total limit.",
      ],
    ];
    for (const [over, field, message] of cases) {
      const result = await run(createOfferAction, fields(w.shop.id, over));
      expect(result, field).toMatchObject({
        ok: false,
        error: { code: "invalid_input", fields: { [field]: message } },
      });
    }
    expect(await testDb.offer.count({ where: { merchantId: w.shop.id } })).toBe(1);
    // and the same form, filled in properly, creates the offer
    expect(await run(createOfferAction, fields(w.shop.id, { totalLimit: "5", perDriverLimit: "2" }))).toEqual({
      redirect: "/merchant/offers",
    });
    expect(await testDb.offer.count({ where: { merchantId: w.shop.id, totalLimit: 5, perDriverLimit: 2 } })).toBe(1);
  });

  it("a limit cannot go below what has been redeemed, even when the limit is new", async () => {
    const w = await world();
    const owner = asMerchant(w.owner.id);
    const offer = await createOffer(owner, offerInput(w.shop.id), fakeMeta());
    await redeem(w.driver.id, offer.id);
    await redeem(w.driver.id, offer.id);
    await expect(updateOffer(owner, editOf(offer, { totalLimit: 1 }), fakeMeta())).rejects.toMatchObject({
      code: "limit_below_redeemed",
      message: "The total limit cannot be lower than the 2 already redeemed.",
    });
    await expect(updateOffer(owner, editOf(offer, { perDriverLimit: 1 }), fakeMeta())).rejects.toMatchObject({
      code: "limit_below_redeemed",
    });
    await updateOffer(owner, editOf(offer, { totalLimit: 3, novaPrice: 300 }), fakeMeta());
    await redeem(w.driver.id, offer.id); // the third: counted with the two before the limit existed
    await expect(redeem(w.driver.id, offer.id)).rejects.toMatchObject({ code: "offer_sold_out" });
    await expect(
      updateOffer(owner, editOf(offer, { totalLimit: 2, novaPrice: 300 }), fakeMeta()),
    ).rejects.toMatchObject({
      code: "limit_below_redeemed",
      message: "The total limit cannot be lower than the 3 already redeemed.",
    });
    // codes held before the price change keep their own amount
    const codes = await testDb.redemptionCode.findMany({ where: { offerId: offer.id }, orderBy: { createdAt: "asc" } });
    expect(codes.map((c) => c.novaAmount)).toEqual([150, 150, 300]);
    expect((await listMerchantOffers(owner, w.shop.id)).offers.find((o) => o.id === offer.id)?.status).toBe("sold_out");
  });

  it("future offers are scheduled: not listed, not redeemable", async () => {
    const w = await world();
    const owner = asMerchant(w.owner.id);
    const later = await createOffer(
      owner,
      offerInput(w.shop.id, { startsAt: new Date(Date.now() + hour) }),
      fakeMeta(),
    );
    expect(await listed(later.id)).toBe(false);
    await expect(redeem(w.driver.id, later.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listMerchantOffers(owner, w.shop.id)).offers.find((o) => o.id === later.id)?.status).toBe(
      "scheduled",
    );
  });

  it("a suspended (or pending) merchant's offers disappear from the driver app at once", async () => {
    const w = await world();
    const offer = await createOffer(asMerchant(w.owner.id), offerInput(w.shop.id), fakeMeta());
    expect(await listed(offer.id)).toBe(true);
    for (const status of ["SUSPENDED", "PENDING"] as const) {
      await testDb.merchant.update({ where: { id: w.shop.id }, data: { status } });
      expect(await listed(offer.id)).toBe(false);
      await expect(redeem(w.driver.id, offer.id)).rejects.toMatchObject({ code: "not_found" });
    }
    await testDb.merchant.update({ where: { id: w.shop.id }, data: { status: "ACTIVE" } });
    expect(await listed(offer.id)).toBe(true);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { getMerchantFunding, recordMerchantTopUp } from "@/lib/funding";
import { stopWorkers } from "@/lib/jobs";
import { unsafeGetBalances } from "@/lib/ledger";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb } from "../support/factories";
import { closeConnections } from "../support/ledger";

afterAll(async () => {
  await stopWorkers(); // a top-up starts the queue (it queues the waiting purchase rewards' funding)
  await closeConnections();
});

const cash = async (merchantId: string) => Number((await unsafeGetBalances("MERCHANT", merchantId)).usd.available);

describe("merchant top-ups", () => {
  it("records a payment once per reference, whatever its spacing, and refuses the same reference with another amount", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const merchant = await createMerchant();
    const first = await recordMerchantTopUp(
      asAdmin(admin.id),
      { merchantId: merchant.id, amountCents: 5_000, reference: "TRF 2026-118" },
      fakeMeta(),
    );
    const again = await recordMerchantTopUp(
      asAdmin(admin.id),
      { merchantId: merchant.id, amountCents: 5_000, reference: "trf2026-118" },
      fakeMeta(),
    );
    expect(again).toMatchObject({ transactionId: first.transactionId, replayed: true });
    await expect(
      recordMerchantTopUp(
        asAdmin(admin.id),
        { merchantId: merchant.id, amountCents: 7_000, reference: "TRF 2026-118" },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "topup_conflict", status: 409 });
    expect(await cash(merchant.id)).toBe(5_000);
    expect(await testDb.auditLog.count({ where: { action: "merchant.topup", targetId: merchant.id } })).toBe(1);
  });

  it("is an admin's decision, never for a merchant the admin works at, and never for an unknown merchant", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const own = await createMerchant(admin.id);
    const input = { merchantId: own.id, amountCents: 1_000, reference: "SELF-1" };
    await expect(recordMerchantTopUp(asAdmin(admin.id), input, fakeMeta())).rejects.toMatchObject({
      code: "self_dealing",
    });
    expect(await testDb.auditLog.count({ where: { action: "merchant.topup_refused", targetId: own.id } })).toBe(1);
    const owner = await createUser({ role: "MERCHANT" });
    await expect(recordMerchantTopUp(asMerchant(owner.id), input, fakeMeta())).rejects.toMatchObject({ status: 403 });
    await expect(recordMerchantTopUp(asDriver(owner.id), input, fakeMeta())).rejects.toMatchObject({ status: 403 });
    await expect(
      recordMerchantTopUp(asAdmin(admin.id), { ...input, merchantId: "no-such-merchant" }, fakeMeta()),
    ).rejects.toMatchObject({ status: 404 });
    expect(await cash(own.id)).toBe(0);
  });

  it("shows members their prepaid cash and says when it runs low; outsiders get not found", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const owner = await createUser({ role: "MERCHANT" });
    const merchant = await createMerchant(owner.id);
    expect(await getMerchantFunding(asMerchant(owner.id), merchant.id)).toEqual({
      balanceCents: 0,
      lowBalanceCents: 2_000,
      low: true,
    });
    await recordMerchantTopUp(
      asAdmin(admin.id),
      { merchantId: merchant.id, amountCents: 2_500, reference: "R-77" },
      fakeMeta(),
    );
    expect(await getMerchantFunding(asMerchant(owner.id), merchant.id)).toMatchObject({
      balanceCents: 2_500,
      low: false,
    });
    const outsider = await createUser({ role: "MERCHANT" });
    await expect(getMerchantFunding(asMerchant(outsider.id), merchant.id)).rejects.toMatchObject({ status: 404 });
  });
});

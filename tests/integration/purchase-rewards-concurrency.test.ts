import { describe, expect, it } from "vitest";
import { answerPurchase, unsafeReleaseDuePurchaseRewards } from "@/lib/purchases";
import { asDriver, createUser, fakeMeta, testDb } from "../support/factories";
import {
  chargingSession,
  driverWithPhone,
  ledgerCount,
  purchaseMerchant,
  rewardOf,
  settle,
  squareOrder,
  topUp,
  usd,
  keepLedgerSound,
  phoneIn,
} from "../support/purchases";

const HOUR = 3600_000;
keepLedgerSound();

const phone = () => phoneIn("737");

describe("purchase rewards under concurrency", () => {
  it("20 concurrent settles of one order pay exactly once", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const order = await squareOrder(m, { phone: number });

    const outcomes = await Promise.all(Array.from({ length: 20 }, () => settle(order.id)));
    expect(outcomes.every((o) => o?.status === "PENDING")).toBe(true);
    expect(await ledgerCount(`purchase:${order.squareOrderId}`)).toBe(1);
    expect(await testDb.purchaseReward.count({ where: { orderId: order.id } })).toBe(1);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000 - 180, pending: 0 });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 0, pending: 150 });
  });

  it("20 concurrent full-refund deliveries reverse exactly once", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const order = await squareOrder(m, { phone: number });
    await settle(order.id);
    await testDb.squareOrder.update({ where: { id: order.id }, data: { refundedCents: 1_240, version: 2 } });

    await Promise.all(Array.from({ length: 20 }, () => settle(order.id)));
    expect(await ledgerCount(`purchase:${order.squareOrderId}:reversal`)).toBe(1);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000, pending: 0 });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 0, pending: 0 });
  });

  it("a release racing a refund ends in one consistent state", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const order = await squareOrder(m, { phone: number });
    await settle(order.id);
    await testDb.squareOrder.update({ where: { id: order.id }, data: { refundedCents: 1_240, version: 2 } });
    const later = new Date(Date.now() + 73 * HOUR);
    await Promise.all([
      ...Array.from({ length: 5 }, () => unsafeReleaseDuePurchaseRewards(later)),
      ...Array.from({ length: 5 }, () => settle(order.id)),
    ]);
    expect(await rewardOf(order.id)).toMatchObject({ status: "REVERSED" });
    expect(await ledgerCount(`purchase:${order.squareOrderId}:reversal`)).toBe(1);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000, pending: 0 });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 0, pending: 0 });
  });

  it("five candidates saying yes at once: one is paid, the others are told it was answered", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const drivers = await Promise.all(Array.from({ length: 5 }, () => createUser()));
    for (const d of drivers) await chargingSession(d.id, m.charger.id);
    const order = await squareOrder(m, { card: `sq-1-${Math.random()}` });
    expect(await settle(order.id)).toEqual({ status: "AWAITING_DRIVER" });
    const { id } = await rewardOf(order.id);

    const results = await Promise.allSettled(
      drivers.map((d) => answerPurchase(asDriver(d.id), { rewardId: id, answer: true }, fakeMeta())),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "purchase_answered" });
    expect(await ledgerCount(`purchase:${order.squareOrderId}`)).toBe(1);
    expect(await testDb.cardFingerprint.count({ where: { merchantId: m.merchant.id } })).toBe(1);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000 - 180, pending: 0 });
  });

  it("orders racing for too little prepaid cash: as many paid as it funds, the rest wait, nothing below zero", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 400); // funds two rewards of $1.80
    const numbers = Array.from({ length: 6 }, phone);
    const drivers = await Promise.all(numbers.map((n) => driverWithPhone(n)));
    for (const d of drivers) await chargingSession(d.id, m.charger.id);
    const orders = await Promise.all(numbers.map((n) => squareOrder(m, { phone: n })));

    const outcomes = await Promise.all(orders.map((o) => settle(o.id)));
    expect(outcomes.filter((o) => o?.status === "PENDING")).toHaveLength(2);
    expect(outcomes.filter((o) => o?.status === "WAITING_FUNDS")).toHaveLength(4);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 40, pending: 0 });
    const keys = orders.map((o) => `purchase:${o.squareOrderId}`);
    expect(await testDb.ledgerTransaction.count({ where: { idempotencyKey: { in: keys } } })).toBe(2);
  });
});

import { recordMerchantTopUp } from "@/lib/funding";
import { accounts, postInTx, reverseInTx, runMoneyTx, type LedgerLine } from "@/lib/ledger";
import { asAdmin, createMerchant, createUser, fakeMeta, testDb, uid } from "./factories";
import { backdate } from "./ledger";

// One merchant's report scenario, 2025-06-01 … 2025-06-10 in America/Chicago (UTC−5 all range).
// Placed at a random spot on the map so no other test's charger is within 500 m.
export const FROM = "2025-06-01";
export const TO = "2025-06-10";
/** A Chicago wall-clock time (CDT) as an instant. */
export const cdt = (day: string, time: string) => new Date(`${day}T${time}:00-05:00`);

const METER = 1 / 111_320; // degrees of latitude

const post = (type: "GRANT" | "DIRECT_SPEND" | "REDEMPTION_HOLD" | "REDEMPTION_CONFIRM", lines: LedgerLine[]) =>
  runMoneyTx((tx) =>
    postInTx(tx, { idempotencyKey: `t-${uid()}-${uid()}`, type, reason: type, request: { n: uid() }, lines }),
  );

/** The merchant pays a purchase reward for an order: the ledger lines the Square webhook posts. */
export async function payReward(merchantId: string, driverId: string, orderKey: string, reward: number, fee: number) {
  return runMoneyTx((tx) =>
    postInTx(tx, {
      idempotencyKey: `purchase:${orderKey}`,
      type: "PURCHASE_REWARD",
      reason: "Purchase reward",
      request: { orderKey, driverId },
      lines: [
        { account: accounts.merchantUsd(merchantId), amount: -BigInt(reward + fee) },
        { account: accounts.driverPendingUsd(driverId), amount: BigInt(reward) },
        { account: accounts.feesUsd(), amount: BigInt(fee) },
      ],
    }),
  );
}

export async function reportWorld() {
  const lat = 10 + Math.random() * 20;
  const lon = 20 + Math.random() * 20;
  const admin = await createUser({ role: "ADMIN" });
  const owner = await createUser({ role: "MERCHANT" });
  const staff = await createUser({ role: "MERCHANT" });
  const [d1, d2, d3] = [await createUser(), await createUser(), await createUser()];
  const merchant = await createMerchant(owner.id);
  await testDb.merchantMember.create({ data: { merchantId: merchant.id, userId: staff.id, role: "STAFF" } });
  const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
  await testDb.offer.update({ where: { id: offer.id }, data: { title: "+1 free refill" } });

  const charger = (name: string, dLatMeters: number, atLon = lon) =>
    testDb.charger.create({
      data: {
        externalId: `rep-${uid()}-${uid()}`,
        name,
        address: "1 Report Way",
        latitude: lat + dLatMeters * METER,
        longitude: atLon,
      },
    });
  const l2Lon = lon + 0.05; // about 5 km east
  const chargerA = await charger("Report Charger A", 0);
  const chargerB = await charger("Report Charger B (700 m)", 700);
  const chargerC = await charger("Report Charger C", 200, l2Lon);
  await testDb.merchant.update({ where: { id: merchant.id }, data: { chargerId: chargerA.id } });
  const location = (name: string, atLon: number) =>
    testDb.merchantLocation.create({
      data: {
        merchantId: merchant.id,
        squareLocationId: `SQL-${uid()}${uid()}`,
        name,
        latitude: lat,
        longitude: atLon,
      },
    });
  const l1 = await location('=HYPERLINK("http://evil.example","click")', lon);
  const l2 = await location("+1", l2Lon);

  const session = (driverId: string, chargerId: string, startedAt: Date, status = "VERIFIED" as const) =>
    testDb.chargingSession.create({ data: { driverId, chargerId, startedAt, status, endedAt: startedAt } });
  await session(d1.id, chargerA.id, cdt("2025-06-02", "10:00"));
  await session(d2.id, chargerC.id, cdt("2025-06-04", "11:30"));
  await session(d1.id, chargerA.id, cdt("2025-06-10", "23:30")); // 04:30 UTC on the 11th: still the 10th in Chicago
  await session(d3.id, chargerB.id, cdt("2025-06-03", "09:00")); // 700 m away: not a visit
  await testDb.chargingSession.create({
    data: { driverId: d2.id, chargerId: chargerA.id, startedAt: cdt("2025-06-03", "09:00"), status: "CANCELLED" },
  });
  await session(d3.id, chargerA.id, cdt("2025-06-11", "00:30")); // after the range

  const code = (driverId: string, createdAt: Date, status: "HELD" | "CONFIRMED" | "RELEASED", settled?: Date) =>
    testDb.redemptionCode.create({
      data: {
        code: `R${uid()}${uid()}`.toUpperCase().slice(0, 12),
        offerId: offer.id,
        driverId,
        novaAmount: 100,
        status,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + 15 * 60_000),
        holdTxId: `hold-${uid()}-${uid()}`,
        settledAt: settled,
        settleTxId: status === "HELD" ? null : `settle-${uid()}-${uid()}`,
      },
    });
  await code(d1.id, cdt("2025-05-20", "12:00"), "CONFIRMED", cdt("2025-05-20", "12:05")); // d1 was here before
  await code(d2.id, cdt("2025-06-05", "12:00"), "CONFIRMED", cdt("2025-06-05", "12:05"));
  await code(d2.id, cdt("2025-06-05", "13:00"), "RELEASED", cdt("2025-06-05", "13:15")); // ran out
  await code(d1.id, cdt("2025-06-06", "13:00"), "RELEASED", cdt("2025-06-06", "13:02")); // cancelled
  await code(d2.id, cdt("2025-06-07", "13:00"), "HELD"); // never released, long expired

  // Nova: 100 from a confirmed code and 40 from a pass payment in the range; 25 today (outside it)
  await post("GRANT", [
    { account: accounts.novaIssuance(), amount: -500n },
    { account: accounts.driverNova(d2.id), amount: 500n },
  ]);
  await post("REDEMPTION_HOLD", [
    { account: accounts.driverNova(d2.id), amount: -100n },
    { account: accounts.driverHeldNova(d2.id), amount: 100n },
  ]);
  const confirm = await post("REDEMPTION_CONFIRM", [
    { account: accounts.driverHeldNova(d2.id), amount: -100n },
    { account: accounts.merchantNova(merchant.id), amount: 100n },
  ]);
  await backdate(confirm.transactionId, cdt("2025-06-05", "12:05"));
  const spend = await post("DIRECT_SPEND", [
    { account: accounts.driverNova(d2.id), amount: -40n },
    { account: accounts.merchantNova(merchant.id), amount: 40n },
  ]);
  await backdate(spend.transactionId, cdt("2025-06-08", "18:00"));
  await post("DIRECT_SPEND", [
    { account: accounts.driverNova(d2.id), amount: -25n },
    { account: accounts.merchantNova(merchant.id), amount: 25n },
  ]);

  // Square: O1, O2 matched, O3 not, O4 matched then fully refunded (its reward reversed)
  const topUp = await recordMerchantTopUp(
    asAdmin(admin.id),
    { merchantId: merchant.id, amountCents: 10_000, reference: `REP-${uid()}` },
    fakeMeta(),
  );
  await backdate(topUp.transactionId, cdt("2025-06-01", "08:00"));
  const order = (loc: { id: string; squareLocationId: string }, at: Date, totalCents: number, refundedCents = 0) =>
    testDb.squareOrder.create({
      data: {
        squareOrderId: `SQO-${uid()}${uid()}`,
        merchantId: merchant.id,
        locationId: loc.id,
        squareLocationId: loc.squareLocationId,
        version: 1,
        state: "COMPLETED",
        totalCents,
        refundedCents,
        currency: "USD",
        orderedAt: at,
      },
    });
  const o1 = await order(l1, cdt("2025-06-02", "10:30"), 2500);
  const o2 = await order(l2, cdt("2025-06-04", "12:00"), 1840);
  const o3 = await order(l1, cdt("2025-06-05", "09:00"), 990);
  const o4 = await order(l1, cdt("2025-06-06", "09:00"), 3000, 3000);
  await order(l1, cdt("2025-06-12", "09:00"), 7000); // after the range
  const reward = (
    o: { id: string },
    driverId: string | null,
    status: "PENDING" | "AVAILABLE" | "REVERSED" | "UNMATCHED",
    rewardCents = 0,
    feeCents = 0,
  ) =>
    testDb.purchaseReward.create({
      data: { orderId: o.id, merchantId: merchant.id, driverId, status, rewardCents, feeCents },
    });
  await reward(o1, d1.id, "PENDING", 125, 25);
  await reward(o2, d2.id, "AVAILABLE", 92, 18);
  await reward(o3, null, "UNMATCHED");
  await reward(o4, d2.id, "REVERSED", 150, 30);
  // the ledger key names the order by Square's id (O1, O2) or by our row id (O4): both are read
  await backdate(
    (await payReward(merchant.id, d1.id, o1.squareOrderId, 125, 25)).transactionId,
    cdt("2025-06-02", "11:00"),
  );
  await backdate(
    (await payReward(merchant.id, d2.id, o2.squareOrderId, 92, 18)).transactionId,
    cdt("2025-06-04", "12:30"),
  );
  const paid4 = await payReward(merchant.id, d2.id, o4.id, 150, 30);
  await backdate(paid4.transactionId, cdt("2025-06-06", "09:30"));
  const reversed = await runMoneyTx((tx) =>
    reverseInTx(tx, {
      transactionId: paid4.transactionId,
      idempotencyKey: `purchase:${o4.id}:refund`,
      reason: "Order refunded",
      actorId: null,
      request: { orderId: o4.id },
    }),
  );
  await backdate(reversed.transactionId, cdt("2025-06-07", "10:00"));

  return { admin, owner, staff, d1, d2, d3, merchant, l1, l2, chargerA };
}

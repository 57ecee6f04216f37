import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { stopWorkers } from "@/lib/jobs";
import { asDriver, createUser, fakeMeta, testDb } from "../support/factories";
import { closeConnections } from "../support/ledger";
import { deliver, startPayoutKit, type PayoutKit } from "../support/payouts";

let kit: PayoutKit;
beforeAll(async () => {
  kit = await startPayoutKit();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await kit.fake.close();
  await stopWorkers();
  await closeConnections();
});

it("concurrent account webhooks and reads", async () => {
  for (let round = 0; round < 15; round++) {
    const user = await createUser();
    await kit.payouts.startCashOutSetup(asDriver(user.id), fakeMeta());
    const row = await testDb.stripeAccount.findUniqueOrThrow({ where: { userId: user.id } });
    kit.fake.control.onboard(row.stripeAccountId!, {});
    const events = kit.fake.control.events().filter((e) => e.account === row.stripeAccountId);
    const reads = Array.from({ length: 20 }, () =>
      db().session.findMany({ where: { userId: user.id }, include: { user: { select: { status: true } } } }),
    );
    const syncs = Array.from({ length: 3 }, () => kit.payouts.refreshCashOutSetup(asDriver(user.id)));
    const results = await Promise.allSettled([...events.map((e) => deliver(kit, e)), ...syncs, ...reads]);
    const failed = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason).slice(0, 300));
    expect(failed).toEqual([]);
  }
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { unsafeGetBalances, unsafeListStatement } from "@/lib/ledger";
import { testDb } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";
import { awardsOf, charger, drivers, liveCampaign, payVerified, verifiedSession } from "../support/campaigns";

// With no cash reward per session, a session the daily cap leaves at 0 Nova posts nothing at all:
// no pending reward, so no release; its campaigns must still be evaluated.
keepLedgerSound();

const env = config() as { VERIFY_REWARD_CENTS: number };
const cents = env.VERIFY_REWARD_CENTS;
beforeEach(() => {
  env.VERIFY_REWARD_CENTS = 0;
});
afterEach(() => {
  env.VERIFY_REWARD_CENTS = cents;
});

/** The driver has already earned today's whole cap (the counter the session reward reads). */
async function capReached(driverId: string) {
  const key = `earn:driver:${driverId}:${new Date().toISOString().slice(0, 10)}`;
  await testDb.usageCounter.create({ data: { key, used: BigInt(config().DRIVER_DAILY_EARN_CAP_NOVA) } });
}

describe("a session capped at 0 Nova still runs its campaigns", () => {
  it("a bonus and a cash bonus pay; a multiplier of a 0 base adds nothing; paid once however often it is verified", async () => {
    const c = await charger();
    const bonus = await liveCampaign(c.id, { name: "Flat bonus", effects: [{ kind: "bonus_nova", nova: 60 }] });
    const cash = await liveCampaign(c.id, { name: "Cash back", effects: [{ kind: "cash_bonus", cents: 125 }] });
    const double = await liveCampaign(c.id, { name: "Double up", effects: [{ kind: "multiplier", factor: 2 }] });
    const [driver] = await drivers(1);
    await capReached(driver);
    const s = await verifiedSession(driver, c.id);
    await Promise.all(Array.from({ length: 4 }, () => payVerified(s)));

    expect(
      await testDb.ledgerTransaction.count({ where: { idempotencyKey: { startsWith: `session:${s.id}:` } } }),
    ).toBe(0);
    expect(await awardsOf(bonus.campaign.id)).toEqual([expect.objectContaining({ triggerId: s.id, nova: 60 })]);
    expect(await awardsOf(cash.campaign.id)).toEqual([expect.objectContaining({ triggerId: s.id, cents: 125 })]);
    expect(await awardsOf(double.campaign.id)).toEqual([]);
    const b = await unsafeGetBalances("DRIVER", driver);
    expect([b.nova.available, b.usd.available]).toEqual([60n, 125n]);
    expect((await unsafeListStatement("DRIVER", driver)).map((l) => l.reason).sort()).toEqual([
      "Cash back, $1.25 cash",
      "Flat bonus, +60 Nova",
    ]);
  });

  it("for a driver held for review, the capped session's bonus waits as pending", async () => {
    const c = await charger();
    const bonus = await liveCampaign(c.id, { name: "Held flat bonus", effects: [{ kind: "bonus_nova", nova: 60 }] });
    const [driver] = await drivers(1);
    await capReached(driver);
    await testDb.riskFlag.create({
      data: { driverId: driver, rule: "test", evidence: {}, fingerprint: "capped", summary: "held for a test" },
    });
    await payVerified(await verifiedSession(driver, c.id));
    expect(await awardsOf(bonus.campaign.id)).toEqual([expect.objectContaining({ status: "HELD", nova: 60 })]);
    const b = await unsafeGetBalances("DRIVER", driver);
    expect([b.nova.available, b.nova.pending]).toEqual([0n, 60n]);
  });
});

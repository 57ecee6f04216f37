import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import {
  accounts,
  checkLedger,
  unsafeGetBalances,
  InsufficientFunds,
  postInTx,
  runMoneyTx,
  type LedgerViolation,
  type Posted,
} from "@/lib/ledger";
import {
  confirmRedemption,
  directSpend,
  mintSpendToken,
  redeemOffer,
  releaseExpiredHolds,
  unsafeReleaseRedemption,
} from "@/lib/merchants";
import { clearRateLimit } from "@/lib/rate-limit";
import { grantNova, reverseTransaction } from "@/lib/rewards";
import { onPostgresServer } from "../support/env";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { closeConnections, newViolations } from "../support/ledger";

// Concurrency claims against a real PostgreSQL: every case fires its requests at once through
// the domain functions (the app's own db() pool, 20 connections here), then checks invariants.
//
// Rate limits: confirmRedemption and directSpend spend the per-merchant-user code limit
// (20/min) and confirmRedemption the per-IP one (60/min). Those limits are not what these
// tests are about, so attempts are spread over many real merchant members (each used at most
// 15 times) and fakeMeta() gives each call its own address. The functions still run whole.

const key = () => `k-${uid()}-${uid()}-${uid()}`;
const STAFF_BUDGET = 15;

let baseline: LedgerViolation[] = [];

afterAll(closeConnections);

const errorCode = (r: PromiseSettledResult<unknown>) =>
  r.status === "rejected" ? ((r.reason as { code?: string }).code ?? String(r.reason)) : "ok";
const tally = (results: PromiseSettledResult<unknown>[]) =>
  results.reduce<Record<string, number>>((acc, r) => ((acc[errorCode(r)] = (acc[errorCode(r)] ?? 0) + 1), acc), {});
const fulfilled = <T>(results: PromiseSettledResult<T>[]) =>
  results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));

async function addMember(merchantId: string) {
  const user = await createUser({ role: "MERCHANT" });
  await testDb.merchantMember.create({ data: { merchantId, userId: user.id, role: "STAFF" } });
  return user.id;
}

/** A merchant with `members` staff; `next()` hands out a member with rate-limit budget left, adding one when all are spent. */
async function shop(members: number) {
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
  const staff = [owner.id, ...(await Promise.all(Array.from({ length: members - 1 }, () => addMember(merchant.id))))];
  const uses = new Map<string, number>();
  const next = async () => {
    let id = staff.find((s) => (uses.get(s) ?? 0) < STAFF_BUDGET);
    if (!id) staff.push((id = await addMember(merchant.id)));
    uses.set(id, (uses.get(id) ?? 0) + 1);
    return id;
  };
  return { merchant, offer, staff, next };
}

async function fundedDriver(adminId: string, amount: number) {
  const driver = await createUser();
  await grantNova(
    asAdmin(adminId),
    { driverId: driver.id, amount, reason: "test funds", idempotencyKey: key() },
    fakeMeta(),
  );
  return driver;
}

describe.runIf(onPostgresServer)("ledger under concurrency (PostgreSQL server)", () => {
  let adminId: string;

  beforeAll(async () => {
    baseline = (await checkLedger(testDb)).violations;
    if (baseline.length > 0)
      console.log(
        `ledger-concurrency: ${baseline.length} violation(s) already in the shared database before this file`,
        baseline,
      );
    adminId = (await createUser({ role: "ADMIN" })).id;
  });

  it("500 grants at once with one idempotency key post once; a different amount under that key conflicts", async () => {
    const driver = await createUser();
    const idempotencyKey = key();
    const input = { driverId: driver.id, amount: 7, reason: "one key, many clicks", idempotencyKey };
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, () => grantNova(asAdmin(adminId), input, fakeMeta())),
    );

    expect(tally(results)).toEqual({ ok: 500 });
    const posted = fulfilled<Posted>(results);
    expect(new Set(posted.map((p) => p.transactionId)).size).toBe(1);
    expect(posted.filter((p) => !p.replayed)).toHaveLength(1);
    const txs = await testDb.ledgerTransaction.findMany({
      where: { idempotencyKey: `grant:${adminId}:${idempotencyKey}` },
      include: { entries: true },
    });
    expect(txs.map((t) => t.id)).toEqual([posted[0].transactionId]);
    expect(txs[0].entries.map((e) => e.amount).sort()).toEqual([-7n, 7n]);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(7n);
    expect(await testDb.auditLog.count({ where: { action: "nova.granted", targetId: driver.id } })).toBe(1);
    // the daily cap was spent once, not 500 times
    expect(
      (await testDb.usageCounter.findFirstOrThrow({ where: { key: { startsWith: `grant:driver:${driver.id}:` } } }))
        .used,
    ).toBe(7n);

    await expect(grantNova(asAdmin(adminId), { ...input, amount: 8 }, fakeMeta())).rejects.toMatchObject({
      code: "idempotency_conflict",
      status: 409,
    });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(7n);
    expect(await newViolations(baseline)).toEqual([]);
  });

  // postInTx directly (not directSpend): directSpend spends the per-merchant-user limit of 20/min
  // before it reaches the ledger, and its money path is exactly this postInTx call, so this
  // isolates the conditional balance update under 100 simultaneous debits.
  it("K debits of x against a balance B < K·x: exactly floor(B/x) succeed and the balance never goes negative", async () => {
    const B = 1000,
      x = 30,
      K = 100;
    const driver = await fundedDriver(adminId, B);
    const merchant = await createMerchant();
    const prefix = `test-debit:${driver.id}:`;
    const debit = () =>
      runMoneyTx((tx) =>
        postInTx(tx, {
          idempotencyKey: prefix + key(),
          type: "DIRECT_SPEND",
          reason: "concurrency test debit",
          request: { merchantId: merchant.id, driverId: driver.id, amount: x },
          metadata: { merchantId: merchant.id },
          lines: [
            { account: accounts.driverNova(driver.id), amount: -BigInt(x) },
            { account: accounts.merchantNova(merchant.id), amount: BigInt(x) },
          ],
        }),
      );
    const results = await Promise.allSettled(Array.from({ length: K }, debit));

    const wins = Math.floor(B / x);
    expect(tally(results)).toEqual({ ok: wins, insufficient_funds: K - wins });
    expect(results.every((r) => r.status === "fulfilled" || r.reason instanceof InsufficientFunds)).toBe(true);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(BigInt(B - wins * x));
    expect((await unsafeGetBalances("MERCHANT", merchant.id)).nova.available).toBe(BigInt(wins * x));
    // a refused debit leaves nothing behind: its claimed idempotency key rolled back with it
    expect(await testDb.ledgerTransaction.count({ where: { idempotencyKey: { startsWith: prefix } } })).toBe(wins);
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("200 confirmations of one code at once: one wins, the merchant is paid once, the rest hear code_used", async () => {
    const { merchant, offer, staff } = await shop(20); // 200 attempts over 20 members = 10 each, under 20/min
    const driver = await fundedDriver(adminId, offer.novaPrice);
    const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        confirmRedemption(asMerchant(staff[i % staff.length]), merchant.id, { code: code.code }, fakeMeta()),
      ),
    );

    expect(tally(results)).toEqual({ ok: 1, code_used: 199 });
    expect(results.every((r) => r.status === "fulfilled" || (r.reason as AppError).status === 409)).toBe(true);
    const [winner] = fulfilled(results);
    const row = await testDb.redemptionCode.findUniqueOrThrow({ where: { id: code.id } });
    expect(row).toMatchObject({ status: "CONFIRMED", settleTxId: winner.transactionId });
    expect(staff).toContain(row.confirmedById);
    expect(
      await testDb.ledgerTransaction.count({
        where: { idempotencyKey: { in: [`code:${code.id}:settle`, `code:${code.id}:release`] } },
      }),
    ).toBe(1);
    expect((await unsafeGetBalances("MERCHANT", merchant.id)).nova.available).toBe(BigInt(offer.novaPrice));
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toMatchObject({ available: 0n, held: 0n });
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("confirmation racing expiry: each code ends confirmed or released, never both, and the Nova is in one place", async () => {
    const { merchant, offer, next } = await shop(8);
    const rounds = 30;
    const outcomes = { CONFIRMED: 0, RELEASED: 0 };
    const wait = (until: number) => new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
    for (let round = 0; round < rounds; round++) {
      const driver = await fundedDriver(adminId, offer.novaPrice);
      const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
      const merchantBefore = (await unsafeGetBalances("MERCHANT", merchant.id)).nova.available;
      const expiresAt = Date.now() + 50;
      await testDb.$executeRaw`UPDATE "RedemptionCode" SET "expiresAt" = now() + interval '50 milliseconds' WHERE "id" = ${code.id}`;
      // everyone fires together somewhere within ±40 ms of the expiry, so both sides of it are hit
      const fireAt = expiresAt - 40 + Math.random() * 80;
      const staffIds = await Promise.all([next(), next(), next()]);
      const confirms = staffIds.map((s) =>
        wait(fireAt + Math.random() * 4).then(() =>
          confirmRedemption(asMerchant(s), merchant.id, { code: code.code }, fakeMeta()),
        ),
      );
      const releases = [0, 1, 2].map(() =>
        wait(fireAt + Math.random() * 4).then(() => unsafeReleaseRedemption({ codeId: code.id, expired: true })),
      );
      const confirmResults = await Promise.allSettled(confirms);
      const releaseResults = await Promise.allSettled(releases);

      expect(confirmResults.filter((r) => !["ok", "code_used", "code_expired"].includes(errorCode(r)))).toEqual([]);
      expect(releaseResults.filter((r) => r.status === "rejected")).toEqual([]);
      const row = await testDb.redemptionCode.findUniqueOrThrow({ where: { id: code.id } });
      const settlements = await testDb.ledgerTransaction.findMany({
        where: { idempotencyKey: { in: [`code:${code.id}:settle`, `code:${code.id}:release`] } },
        select: { id: true, type: true },
      });
      expect(settlements).toHaveLength(1);
      expect(settlements[0].id).toBe(row.settleTxId);
      const confirmedBy = fulfilled(confirmResults);
      const releasedBy = fulfilled(releaseResults).filter(Boolean);
      const driverNova = (await unsafeGetBalances("DRIVER", driver.id)).nova;
      const merchantGain = (await unsafeGetBalances("MERCHANT", merchant.id)).nova.available - merchantBefore;
      expect(driverNova.held).toBe(0n);
      if (row.status === "CONFIRMED") {
        expect(settlements[0].type).toBe("REDEMPTION_CONFIRM");
        expect(confirmedBy).toHaveLength(1);
        expect(releasedBy).toHaveLength(0);
        expect([driverNova.available, merchantGain]).toEqual([0n, BigInt(offer.novaPrice)]);
      } else {
        expect(row.status).toBe("RELEASED");
        expect(settlements[0].type).toBe("REDEMPTION_RELEASE");
        expect(confirmedBy).toHaveLength(0);
        expect(releasedBy.length).toBeLessThanOrEqual(1); // 0 when a refused confirmation released it first
        expect([driverNova.available, merchantGain]).toEqual([BigInt(offer.novaPrice), 0n]);
      }
      outcomes[row.status === "CONFIRMED" ? "CONFIRMED" : "RELEASED"]++;
    }
    console.log(`expiry race over ${rounds} rounds:`, outcomes);
    // with the firing time spread evenly across the expiry, both outcomes occur (else the race was not exercised)
    expect(outcomes.CONFIRMED).toBeGreaterThan(0);
    expect(outcomes.RELEASED).toBeGreaterThan(0);
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("grants racing the daily cap: exactly cap/amount of them succeed", async () => {
    const { NOVA_GRANT_DAILY_CAP: cap, NOVA_GRANT_MAX: max } = config();
    const amount = 1000,
      attempts = 50;
    const wins = Math.floor(cap / amount);
    expect(amount).toBeLessThanOrEqual(max);
    expect(wins).toBeLessThan(attempts); // the cap must bite for this test to mean anything (default 20000 → 20)
    const driver = await createUser();
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, () =>
        grantNova(
          asAdmin(adminId),
          { driverId: driver.id, amount, reason: "cap race", idempotencyKey: key() },
          fakeMeta(),
        ),
      ),
    );

    expect(tally(results)).toEqual({ ok: wins, daily_cap: attempts - wins });
    expect(results.every((r) => r.status === "fulfilled" || (r.reason as AppError).status === 409)).toBe(true);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(BigInt(wins * amount));
    expect(
      await testDb.ledgerTransaction.count({
        where: { type: "GRANT", entries: { some: { account: { ownerId: driver.id } } } },
      }),
    ).toBe(wins);
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("an offer limited to 5 redemptions, 30 drivers at once: exactly 5 codes", async () => {
    const merchant = await createMerchant();
    const offer = await testDb.offer.create({
      data: { merchantId: merchant.id, title: "Limited", description: "Five only", novaPrice: 50, totalLimit: 5 },
    });
    const drivers = await Promise.all(Array.from({ length: 30 }, () => fundedDriver(adminId, 50)));
    const results = await Promise.allSettled(
      drivers.map((d) => redeemOffer(asDriver(d.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta())),
    );

    expect(tally(results)).toEqual({ ok: 5, offer_sold_out: 25 });
    expect(await testDb.redemptionCode.count({ where: { offerId: offer.id } })).toBe(5);
    expect((await testDb.usageCounter.findUniqueOrThrow({ where: { key: `offer:${offer.id}:total` } })).used).toBe(5n);
    const winners = new Set(fulfilled(results).map((c) => c.driverId));
    for (const d of drivers) {
      const nova = (await unsafeGetBalances("DRIVER", d.id)).nova;
      expect(nova).toMatchObject(winners.has(d.id) ? { available: 0n, held: 50n } : { available: 50n, held: 0n });
    }
    expect(await newViolations(baseline)).toEqual([]);
  });

  it(
    "a randomized run of 2,000+ mixed operations in concurrent batches keeps every invariant",
    { timeout: 120_000 },
    async () => {
      const OPS = 2000,
        BATCH = 50;
      const drivers = await Promise.all(Array.from({ length: 20 }, () => fundedDriver(adminId, 300)));
      let issued = 20n * 300n; // this world's net issuance, from the outcomes below
      const shops = await Promise.all([shop(10), shop(10), shop(10)]);
      // three offers with different rules: plain, per-driver limit, total limit
      await testDb.offer.update({ where: { id: shops[1].offer.id }, data: { novaPrice: 40, perDriverLimit: 3 } });
      await testDb.offer.update({ where: { id: shops[2].offer.id }, data: { novaPrice: 250, totalLimit: 40 } });
      const offers = await Promise.all(shops.map((s) => testDb.offer.findUniqueOrThrow({ where: { id: s.offer.id } })));

      type Grant = { txId: string; key: string; driverId: string; amount: number };
      type Spend = { txId: string; shop: number; amount: number };
      const grants: Grant[] = [];
      const spends: Spend[] = [];
      const codes: { id: string; code: string; shop: number; driverId: string }[] = [];
      const reversedSpend = new Map<number, bigint>([
        [0, 0n],
        [1, 0n],
        [2, 0n],
      ]);
      let confirmedOk = 0;
      const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
      const randInt = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
      const randomDriver = () => pick(drivers)!.id;

      // Each operation returns its outcome; a thrown AppError whose code is listed is an expected refusal.
      type Op = { name: string; expected: string[]; run: () => Promise<string> };
      const ops: Record<string, () => Op | undefined> = {
        grant: () => ({
          name: "grant",
          expected: ["daily_cap"],
          run: async () => {
            const g = { key: key(), driverId: randomDriver(), amount: randInt(1, 300) };
            const posted = await grantNova(
              asAdmin(adminId),
              { driverId: g.driverId, amount: g.amount, reason: "random run", idempotencyKey: g.key },
              fakeMeta(),
            );
            grants.push({ ...g, txId: posted.transactionId });
            issued += BigInt(g.amount);
            return "ok";
          },
        }),
        grantAgain: () => {
          const g = pick(grants);
          if (!g) return undefined;
          const sameAmount = Math.random() < 0.7;
          return {
            name: sameAmount ? "grant replay" : "grant replay, other amount",
            expected: sameAmount ? [] : ["idempotency_conflict"],
            run: async () => {
              const posted = await grantNova(
                asAdmin(adminId),
                {
                  driverId: g.driverId,
                  amount: sameAmount ? g.amount : g.amount + 1,
                  // the reason is part of a grant's request: a replay repeats it
                  reason: "random run",
                  idempotencyKey: g.key,
                },
                fakeMeta(),
              );
              if (!sameAmount) throw new Error("a different amount under a used key was accepted");
              if (!posted.replayed || posted.transactionId !== g.txId)
                throw new Error(`replay answered ${JSON.stringify(posted)}, expected ${g.txId}`);
              return "replayed";
            },
          };
        },
        redeem: () => {
          const shopIndex = randInt(0, 2);
          return {
            name: "redeem",
            expected: ["insufficient_funds", "offer_sold_out", "offer_limit"],
            run: async () => {
              const driverId = randomDriver();
              const code = await redeemOffer(
                asDriver(driverId),
                { offerId: offers[shopIndex].id, idempotencyKey: key() },
                fakeMeta(),
              );
              codes.push({ id: code.id, code: code.code, shop: shopIndex, driverId });
              return "ok";
            },
          };
        },
        confirm: () => {
          const c = pick(codes);
          if (!c) return undefined;
          return {
            name: "confirm",
            // a code its driver cancelled is refused as cancelled (it read as expired before)
            expected: ["code_used", "code_expired", "code_cancelled"],
            run: async () => {
              await confirmRedemption(
                asMerchant(await shops[c.shop].next()),
                shops[c.shop].merchant.id,
                { code: c.code },
                fakeMeta(),
              );
              confirmedOk++;
              return "ok";
            },
          };
        },
        confirmAtOtherShop: () => {
          const c = pick(codes);
          if (!c) return undefined;
          const other = (c.shop + 1) % 3;
          return {
            name: "confirm at another shop",
            expected: ["unknown_code"],
            run: async () => {
              await confirmRedemption(
                asMerchant(await shops[other].next()),
                shops[other].merchant.id,
                { code: c.code },
                fakeMeta(),
              );
              throw new Error("a code was confirmed by a merchant it does not belong to");
            },
          };
        },
        cancel: () => {
          const c = pick(codes);
          if (!c) return undefined;
          return {
            name: "cancel",
            expected: [],
            run: async () =>
              (await unsafeReleaseRedemption({ codeId: c.id, expired: false, driverId: c.driverId }))
                ? "released"
                : "not held",
          };
        },
        expire: () => {
          const c = pick(codes);
          if (!c) return undefined;
          return {
            name: "expire + release",
            expected: [],
            run: async () => {
              await testDb.$executeRaw`UPDATE "RedemptionCode" SET "expiresAt" = now() - interval '1 second' WHERE "id" = ${c.id} AND "status" = 'HELD'`;
              return `released ${await releaseExpiredHolds({ actor: asDriver(c.driverId) })}`;
            },
          };
        },
        spend: () => {
          const shopIndex = randInt(0, 2);
          return {
            name: "direct spend",
            expected: ["insufficient_funds", "spend_daily_limit"],
            run: async () => {
              const amount = randInt(1, 200);
              // the driver's app shows a fresh spend code for each payment (its mint limit is not under test)
              const driverId = randomDriver();
              await clearRateLimit("spendCodePerDriver", driverId);
              const token = await mintSpendToken(asDriver(driverId));
              const posted = await directSpend(
                asMerchant(await shops[shopIndex].next()),
                shops[shopIndex].merchant.id,
                { spendCode: token.display, amount, idempotencyKey: key() },
                fakeMeta(),
              );
              spends.push({ txId: posted.transactionId, shop: shopIndex, amount });
              return "ok";
            },
          };
        },
        reverse: () => {
          // grants and direct spends only: reversing a hold or a confirmation would strand its code
          const target = Math.random() < 0.5 ? pick(grants) : pick(spends);
          if (!target) return undefined;
          return {
            name: "key" in target ? "reverse grant" : "reverse spend",
            expected: ["already_reversed", "insufficient_funds"],
            run: async () => {
              await reverseTransaction(
                asAdmin(adminId),
                { transactionId: target.txId, reason: "random run", idempotencyKey: key() },
                fakeMeta(),
              );
              if ("key" in target) issued -= BigInt(target.amount);
              else reversedSpend.set(target.shop, reversedSpend.get(target.shop)! + BigInt(target.amount));
              return "ok";
            },
          };
        },
      };
      const weights: [keyof typeof ops, number][] = [
        ["grant", 18],
        ["grantAgain", 5],
        ["redeem", 22],
        ["confirm", 18],
        ["confirmAtOtherShop", 2],
        ["cancel", 5],
        ["expire", 4],
        ["spend", 16],
        ["reverse", 10],
      ];
      const totalWeight = weights.reduce((s, [, w]) => s + w, 0);
      const nextOp = (): Op => {
        for (;;) {
          let r = Math.random() * totalWeight;
          const [name] = weights.find(([, w]) => (r -= w) < 0)!;
          const op = ops[name]();
          if (op) return op;
        }
      };

      const counts: Record<string, number> = {};
      const unexpected: { op: string; error: string }[] = [];
      const started = Date.now();
      for (let done = 0; done < OPS; done += BATCH) {
        const batch = Array.from({ length: BATCH }, nextOp);
        await Promise.allSettled(
          batch.map(async (op) => {
            let outcome: string;
            try {
              outcome = await op.run();
            } catch (err) {
              const code = err instanceof AppError ? err.code : undefined;
              if (code && op.expected.includes(code)) outcome = code;
              else {
                outcome = `UNEXPECTED ${code ?? (err as Error).name}`;
                unexpected.push({
                  op: op.name,
                  error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
                });
              }
            }
            const label = `${op.name}: ${outcome}`;
            counts[label] = (counts[label] ?? 0) + 1;
          }),
        );
      }
      const seconds = (Date.now() - started) / 1000;
      const total = Object.values(counts).reduce((s, n) => s + n, 0);
      console.log(
        `randomized run: ${total} operations in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} ops/s), by outcome:\n` +
          Object.entries(counts)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, n]) => `  ${k.padEnd(44)} ${n}`)
            .join("\n"),
      );

      expect(total).toBe(OPS);
      expect(unexpected.slice(0, 10)).toEqual([]);
      expect(await newViolations(baseline)).toEqual([]);

      // Whole database: every NOVA held by drivers and merchants came from issuance.
      const [{ holders, issuance }] = await testDb.$queryRaw<{ holders: bigint; issuance: bigint }[]>`
      SELECT COALESCE(SUM("balance") FILTER (WHERE "ownerType" IN ('DRIVER', 'MERCHANT')), 0)::bigint AS holders,
             COALESCE(SUM("balance") FILTER (WHERE "ownerType" = 'PLATFORM' AND "ownerId" = 'platform' AND "kind" = 'ISSUANCE'), 0)::bigint AS issuance
      FROM "LedgerAccount" WHERE "currency" = 'NOVA'`;
      expect(holders).toBe(-issuance);

      // This world: what the drivers and merchants hold equals what was granted net of reversed grants.
      const driverIds = drivers.map((d) => d.id);
      const merchantIds = shops.map((s) => s.merchant.id);
      const novaOf = async (ownerType: "DRIVER" | "MERCHANT", ownerIds: string[], kind?: "HELD") =>
        (
          await testDb.ledgerAccount.aggregate({
            where: { ownerType, ownerId: { in: ownerIds }, currency: "NOVA", ...(kind ? { kind } : {}) },
            _sum: { balance: true },
          })
        )._sum.balance ?? 0n;
      expect((await novaOf("DRIVER", driverIds)) + (await novaOf("MERCHANT", merchantIds))).toBe(issued);

      // Held Nova is exactly the codes still HELD; each code's status matches its one settlement.
      const worldCodes = await testDb.redemptionCode.findMany({
        where: { offerId: { in: offers.map((o) => o.id) } },
        select: { id: true, status: true, novaAmount: true, offerId: true, driverId: true, settleTxId: true },
      });
      expect(worldCodes).toHaveLength(codes.length);
      const heldSum = worldCodes.filter((c) => c.status === "HELD").reduce((s, c) => s + BigInt(c.novaAmount), 0n);
      expect(await novaOf("DRIVER", driverIds, "HELD")).toBe(heldSum);
      expect(worldCodes.filter((c) => c.status === "CONFIRMED")).toHaveLength(confirmedOk);
      const settlements = await testDb.ledgerTransaction.findMany({
        where: { idempotencyKey: { in: worldCodes.flatMap((c) => [`code:${c.id}:settle`, `code:${c.id}:release`]) } },
        select: { id: true, idempotencyKey: true },
      });
      const expectedSettlements = worldCodes.flatMap((c) =>
        c.status === "HELD"
          ? []
          : [{ id: c.settleTxId, idempotencyKey: `code:${c.id}:${c.status === "CONFIRMED" ? "settle" : "release"}` }],
      );
      expect(settlements.sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey))).toEqual(
        expectedSettlements.sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey)),
      );

      // Each merchant holds its confirmed codes plus its direct spends, less reversed spends.
      for (const [i, s] of shops.entries()) {
        const confirmed = worldCodes
          .filter((c) => c.offerId === offers[i].id && c.status === "CONFIRMED")
          .reduce((t, c) => t + BigInt(c.novaAmount), 0n);
        const spent = spends.filter((sp) => sp.shop === i).reduce((t, sp) => t + BigInt(sp.amount), 0n);
        expect((await unsafeGetBalances("MERCHANT", s.merchant.id)).nova.available).toBe(
          confirmed + spent - reversedSpend.get(i)!,
        );
      }

      // Offer limits: usage counters equal the codes not released, and never exceed the limit.
      const live = (pred: (c: (typeof worldCodes)[number]) => boolean) =>
        worldCodes.filter((c) => c.status !== "RELEASED" && pred(c)).length;
      const usage = async (k: string) =>
        Number((await testDb.usageCounter.findUnique({ where: { key: k } }))?.used ?? 0n);
      expect(live((c) => c.offerId === offers[2].id)).toBeLessThanOrEqual(40);
      expect(await usage(`offer:${offers[2].id}:total`)).toBe(live((c) => c.offerId === offers[2].id));
      for (const d of driverIds) {
        const n = live((c) => c.offerId === offers[1].id && c.driverId === d);
        expect(n).toBeLessThanOrEqual(3);
        expect(await usage(`offer:${offers[1].id}:driver:${d}`)).toBe(n);
      }
    },
  );
});

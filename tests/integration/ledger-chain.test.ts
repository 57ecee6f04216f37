import { afterAll, describe, expect, it } from "vitest";
import { accounts, checkChains } from "@/lib/ledger";
import { entryHash, GENESIS_HASH } from "@/lib/ledger/chain";
import { onPostgresServer } from "../support/env";
import { accountId, accountIds, grant, spend, whileTampered } from "../support/chain";
import { testDb, uid } from "../support/factories";
import { closeConnections } from "../support/ledger";

// The hash chain (README "Tamper-evident statements"): every insert extends its account's chain,
// the database's hash and lib/ledger/chain.ts agree, and checkChains names the first entry that an
// edit or a deletion broke. Tampering happens inside a transaction that is rolled back.

afterAll(closeConnections);

async function chainOf(account: string) {
  const entries = await testDb.ledgerEntry.findMany({
    where: { accountId: account },
    orderBy: { seq: "asc" },
    include: { account: true, transaction: true },
  });
  const head = await testDb.ledgerAccount.findUniqueOrThrow({ where: { id: account } });
  return { entries, head };
}

const breaksOf = (breaks: Awaited<ReturnType<typeof checkChains>>, ids: string[]) =>
  breaks.filter((b) => ids.includes(b.accountId));

describe("the ledger's hash chains", () => {
  it("chain each account's entries 1, 2, 3… with the hash lib/ledger/chain.ts computes", async () => {
    const driver = `drv-${uid()}`;
    const merchant = `mer-${uid()}`;
    await grant(driver, 500n);
    await spend(driver, merchant, 120n);
    await grant(driver, 30n);
    const { entries, head } = await chainOf(await accountId(accounts.driverNova(driver)));
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries.map((e) => e.amount)).toEqual([500n, -120n, 30n]);
    let prev = GENESIS_HASH;
    for (const e of entries) {
      expect(e.prevHash).toBe(prev);
      const fields = {
        seq: e.seq,
        prevHash: e.prevHash,
        entryId: e.id.toString(),
        accountId: e.accountId,
        transactionId: e.transactionId,
        amount: e.amount,
        currency: e.account.currency,
        type: e.transaction.type,
        createdAt: e.createdAt,
      };
      expect(e.hash).toBe(entryHash(fields));
      prev = e.hash;
    }
    expect([head.headSeq, head.headHash]).toEqual([3, prev]);
  });

  it.runIf(onPostgresServer)("20 postings at once to one account build one gapless chain that verifies", async () => {
    const driver = `drv-${uid()}`;
    await grant(driver, 1n); // the account exists before the race
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => grant(driver, BigInt(i + 2))));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const id = await accountId(accounts.driverNova(driver));
    const { entries, head } = await chainOf(id);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(entries.slice(1).every((e, i) => e.prevHash === entries[i].hash)).toBe(true);
    expect([head.headSeq, head.headHash]).toEqual([21, entries[20].hash]);
    const issuance = await accountIds(accounts.novaIssuance());
    expect(issuance.length).toBeGreaterThan(1); // the 21 grants spread over the issuance shards
    expect(breaksOf(await checkChains(testDb), [id, ...issuance])).toEqual([]);
  });

  it("locates an entry whose amount was changed in the database", async () => {
    const driver = `drv-${uid()}`;
    for (const n of [100n, 200n, 300n]) await grant(driver, n);
    const id = await accountId(accounts.driverNova(driver));
    const second = (await chainOf(id)).entries[1];
    const breaks = await whileTampered(
      (tx) => tx.$executeRaw`UPDATE "LedgerEntry" SET "amount" = 2000 WHERE "id" = ${second.id}`,
      async (tx) => breaksOf(await checkChains(tx), [id]),
    );
    expect(breaks).toEqual([
      {
        accountId: id,
        entryId: second.id.toString(),
        seq: 2,
        problem: "altered",
        detail: `entry ${second.id} (seq 2): its hash does not match its fields (amount, date or type changed?)`,
      },
    ]);
    expect(breaksOf(await checkChains(testDb), [id])).toEqual([]); // rolled back
  });

  it("locates a deleted entry, and a deleted newest entry by the account's head", async () => {
    const driver = `drv-${uid()}`;
    for (const n of [5n, 6n, 7n, 8n]) await grant(driver, n);
    const id = await accountId(accounts.driverNova(driver));
    const { entries } = await chainOf(id);
    const middle = await whileTampered(
      (tx) => tx.$executeRaw`DELETE FROM "LedgerEntry" WHERE "id" = ${entries[1].id}`,
      async (tx) => breaksOf(await checkChains(tx), [id]),
    );
    expect(middle).toMatchObject([{ accountId: id, entryId: entries[2].id.toString(), seq: 3, problem: "missing" }]);
    expect(middle[0].detail).toBe(`entry ${entries[2].id} (seq 3): seq 2 is missing before it (deleted?)`);
    const newest = await whileTampered(
      (tx) => tx.$executeRaw`DELETE FROM "LedgerEntry" WHERE "id" = ${entries[3].id}`,
      async (tx) => breaksOf(await checkChains(tx), [id]),
    );
    expect(newest).toMatchObject([{ accountId: id, entryId: null, seq: 4, problem: "head" }]);
    expect(newest[0].detail).toBe("the chain head is seq 4 but the last entry is seq 3 (newest entries deleted?)");
  });

  it("a replaced entry (its hash recomputed to fit) shows at the entry after it", async () => {
    const driver = `drv-${uid()}`;
    for (const n of [10n, 20n, 30n]) await grant(driver, n);
    const id = await accountId(accounts.driverNova(driver));
    const { entries } = await chainOf(id);
    const breaks = await whileTampered(
      (tx) => tx.$executeRaw`
        UPDATE "LedgerEntry" e SET "amount" = 25, "hash" = "ledger_entry_hash"(e."seq", e."prevHash", e."id",
          e."accountId", e."transactionId", 25, 'NOVA', 'GRANT', e."createdAt")
        WHERE e."id" = ${entries[1].id}`,
      async (tx) => breaksOf(await checkChains(tx), [id]),
    );
    expect(breaks).toMatchObject([{ entryId: entries[2].id.toString(), seq: 3, problem: "relinked" }]);
  });
});

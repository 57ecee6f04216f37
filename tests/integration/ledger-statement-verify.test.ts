import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, postInTx, runMoneyTx, statementCsv, unsafeListStatement, verifyStatement } from "@/lib/ledger";
import { parseCsv } from "@/lib/csv";
import { entryHash, GENESIS_HASH } from "@/lib/ledger/chain";
import { grant, spend, whileTampered } from "../support/chain";
import { testDb, uid } from "../support/factories";
import { closeConnections } from "../support/ledger";

// A downloaded statement checked against the ledger (`npm run ledger:verify-statement`): an
// untouched one passes; a changed amount, a removed line, an added line and an entry changed in
// the database after the download are each named at their line.

const dir = mkdtempSync(path.join(os.tmpdir(), "nerava-statement-"));
let driver: string;
let csv: string;
let lines: string[];

beforeAll(async () => {
  driver = `drv-${uid()}`;
  await grant(driver, 500n);
  await spend(driver, `mer-${uid()}`, 120n);
  await grant(driver, 40n);
  csv = statementCsv(await unsafeListStatement("DRIVER", driver, 5000));
  lines = csv.trimEnd().split("\n"); // header, then newest first: the 40 grant, the spend, the 500 grant
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeConnections();
});

const withLines = (ls: string[]) => ls.join("\n") + "\n";
const verify = (text: string) => verifyStatement(testDb, text);

function cli(file: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ledger-verify-statement.ts", file], {
      env: { ...process.env, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

describe("verifying a downloaded statement", () => {
  it("passes an untouched statement, whose lines carry seq, previous hash and hash", async () => {
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      "date,transaction,type,currency,account,amount,state,reason,entry,account_id,seq,prev_hash,hash,amount_minor",
    );
    expect(lines[3]).toMatch(/,1,0{64},[0-9a-f]{64},500$/);
    expect(await verify(csv)).toEqual({ lines: 3, problems: [] });
  });

  it("names the line whose amount was changed in the file", async () => {
    const tampered = [...lines];
    tampered[2] = tampered[2].replace(",-120,", ",-12,");
    expect(tampered[2]).not.toBe(lines[2]);
    const { problems } = await verify(withLines(tampered));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3 });
    expect(problems[0].message).toBe("amount is -12 here but -120 in the ledger");
  });

  it("names where a removed line was and an added line", async () => {
    const removed = await verify(withLines([lines[0], lines[1], lines[3]]));
    expect(removed.problems).toHaveLength(1);
    expect(removed.problems[0].line).toBe(3);
    expect(removed.problems[0].message).toMatch(
      /^a line is missing here: entry \d+ \(seq 2 of account \w+, -120 NOVA on /,
    );
    const added = await verify(withLines([lines[0], lines[1], lines[1], lines[2], lines[3]]));
    expect(added.problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringMatching(/^an extra line: entry \d+ is already on line 2$/),
      }),
    ]);
  });

  it("flags an entry changed in the database after the download, the file's own hash still verifying", async () => {
    const spendEntry = lines[2].split(",")[8];
    const { problems } = await whileTampered(
      (tx) => tx.$executeRaw`UPDATE "LedgerEntry" SET "amount" = -12 WHERE "id" = ${BigInt(spendEntry)}`,
      (tx) => verifyStatement(tx, csv),
    );
    expect(problems).toEqual([
      {
        line: 3,
        entryId: spendEntry,
        message:
          "amount_minor is -120 here but -12 in the ledger; amount is -120 here but -12 in the ledger (this line's own hash verifies: the ledger changed since the download)",
      },
    ]);
  });

  /** The verdict on the untouched download while the entry on file line `line` is deleted from the ledger. */
  const withEntryDeleted = (line: number) => {
    const entryId = lines[line - 1].split(",")[8];
    const verdict = whileTampered(
      (tx) => tx.$executeRaw`DELETE FROM "LedgerEntry" WHERE "id" = ${BigInt(entryId)}`,
      (tx) => verifyStatement(tx, csv),
    );
    return { entryId, verdict };
  };

  it("says the ledger lost an entry only when the ledger's own chain names the deleted line's hash", async () => {
    const { entryId, verdict } = withEntryDeleted(3);
    expect((await verdict).problems).toEqual([
      {
        line: 3,
        entryId,
        message: `entry ${entryId} is not in the ledger, yet the ledger's chain on its account names this line's hash: the ledger lost it`,
      },
    ]);
  });

  it("says so too for the account's newest entry, which only the account's head names", async () => {
    const { entryId, verdict } = withEntryDeleted(2);
    expect((await verdict).problems).toEqual([
      expect.objectContaining({ line: 2, entryId, message: expect.stringMatching(/: the ledger lost it$/) }),
    ]);
  });

  // anyone can compute a line whose hash verifies (the hash has no key): such a line proves nothing
  const forgedLine = (seq: number, prevHash: string, entry: number, account: string) => {
    const date = "2026-05-01T09:30:00.000Z";
    const fields = {
      seq,
      prevHash,
      entryId: String(entry),
      accountId: account,
      transactionId: "t",
      amount: 500000n,
      currency: "USD",
      type: "GRANT",
      createdAt: new Date(date),
    };
    const hash = entryHash(fields);
    return {
      hash,
      text: `${date},t,GRANT,USD,AVAILABLE,5000.00,posted,forged,${entry},${account},${seq},${prevHash},${hash},500000`,
    };
  };

  it("calls a made-up line whose hash verifies an extra line, not an entry the ledger lost", async () => {
    const forged = forgedLine(1, GENESIS_HASH, 999_999_999, "acct-forged");
    const { problems } = await verify(withLines([lines[0], forged.text]));
    expect(problems).toEqual([
      {
        line: 2,
        entryId: "999999999",
        message: "an extra line: entry 999999999 is not in the ledger of this statement's owner",
      },
    ]);
  });

  it("answers a 10,000-line made-up chain (just under 2 MB) within seconds, not the 20–30 s it took", async () => {
    const chain: string[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 10_000; seq++) {
      const line = forgedLine(seq, prev, 900_000_000 + seq, "acct-forged");
      chain.unshift(line.text);
      prev = line.hash;
    }
    const started = performance.now();
    const { problems } = await verify(withLines([lines[0], ...chain]));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toHaveLength(10_000);
    expect(problems[0].message).toMatch(/^an extra line: entry 900010000 is not in the ledger/);
  });

  it("names a line with a cell added after the last column (a formula appended to an untouched download)", async () => {
    const edited = [...lines];
    edited[1] = `${edited[1]},"=HYPERLINK(""http://evil.example"",""click"")"`;
    const { problems } = await verify(withLines(edited));
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        message: "this line has 15 cells where a statement line has 14: it was edited",
      }),
    ]);
  });

  it("names a line broken by a stray quote without echoing what the quote swallowed", async () => {
    const edited = [...lines];
    edited[2] = edited[2].replace(",", ',"'); // the quote never closes: the rest of the file is one cell
    const { problems } = await verify(withLines(edited));
    expect(problems[0]).toMatchObject({ line: 3, entryId: null });
    expect(problems[0].message.length).toBeLessThan(120);
  });

  it("still verifies a statement saved again by a CSV tool that dropped the quotes, negative amounts as numbers", async () => {
    expect(lines[2]).toMatch(/,-120,/); // the spend: a plain number a spreadsheet sums, not marked text
    const resaved = csv.replace(/"([^",\n]*)"/g, "$1");
    expect(await verify(resaved)).toEqual({ lines: 3, problems: [] });
  });

  it("npm run ledger:verify-statement exits 0 on the untouched file and 1, naming the line, on a changed one", async () => {
    const good = path.join(dir, "good.csv");
    const bad = path.join(dir, "bad.csv");
    writeFileSync(good, csv);
    writeFileSync(bad, withLines([lines[0], lines[1], lines[2].replace(",-120,", ",-1,"), lines[3]]));
    const ok = await cli(good);
    expect(ok.stdout).toContain("all 3 lines match the ledger; every hash verifies.");
    expect(ok.code).toBe(0);
    const changed = await cli(bad);
    expect(changed.stdout).toContain(
      "differs from the ledger first at line 3: amount is -1 here but -120 in the ledger",
    );
    expect(changed.code).toBe(1);
  }, 60_000);
});

describe("a statement in dollars", () => {
  const cash = (driverId: string, cents: bigint) =>
    runMoneyTx((tx) =>
      postInTx(tx, {
        idempotencyKey: `statement-usd-${uid()}`,
        type: "SESSION_REWARD_RELEASE",
        reason: "Charging, verified",
        request: { driverId },
        lines: [
          { account: accounts.rewardsExpenseUsd(), amount: -cents },
          { account: accounts.driverUsd(driverId), amount: cents },
        ],
      }),
    );
  /** The statement's rows as cells by column name, newest first. */
  const rowsOf = (text: string) => {
    const [header, ...rows] = parseCsv(text.trimEnd());
    return rows.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i]])));
  };

  it("shows USD in dollars and cents, keeps the exact cents in amount_minor, and verifies", async () => {
    const who = `drv-${uid()}`;
    await cash(who, 1_250n);
    await cash(who, 5n);
    const usd = statementCsv(await unsafeListStatement("DRIVER", who, 5000));
    expect(rowsOf(usd).map((r) => [r.currency, r.amount, r.amount_minor])).toEqual([
      ["USD", "0.05", "5"],
      ["USD", "12.50", "1250"],
    ]);
    expect(await verify(usd)).toEqual({ lines: 2, problems: [] });

    // the dollars a person reads and the cents the hash covers are each checked against the ledger
    const dollars = await verify(usd.replace(",12.50,", ",125.00,"));
    expect(dollars.problems.map((p) => p.message)).toEqual(["amount is 125.00 here but 12.50 in the ledger"]);
    const cents = await verify(usd.replace(/,1250\n/, ",125\n"));
    expect(cents.problems.map((p) => p.message)).toEqual(["amount_minor is 125 here but 1250 in the ledger"]);
  });

  it("verifies a statement whose reasons start like formulas or with an apostrophe, read back exactly", async () => {
    const who = `drv-${uid()}`;
    const reasons = ["'=SUM(A1)", "\tTabbed", "'plain", "=1+1"];
    for (const reason of reasons)
      await runMoneyTx((tx) =>
        postInTx(tx, {
          idempotencyKey: `statement-reason-${uid()}`,
          type: "GRANT",
          reason,
          request: { who },
          lines: [
            { account: accounts.novaIssuance(), amount: -1n },
            { account: accounts.driverNova(who), amount: 1n },
          ],
        }),
      );
    const text = statementCsv(await unsafeListStatement("DRIVER", who, 5000));
    expect(
      rowsOf(text)
        .map((r) => r.reason)
        .reverse(),
    ).toEqual(reasons);
    expect(await verify(text)).toEqual({ lines: 4, problems: [] });
  });

  it("still verifies a statement downloaded before amount_minor, whose amount was in cents", async () => {
    const who = `drv-${uid()}`;
    await cash(who, 1_250n);
    const now = statementCsv(await unsafeListStatement("DRIVER", who, 5000));
    const [row] = rowsOf(now);
    const older = now.replace(",hash,amount_minor\n", ",hash\n").replace(/,12\.50,(.*),1250\n/, ",1250,$1\n");
    expect(older.split("\n")[0]).toBe(
      "date,transaction,type,currency,account,amount,state,reason,entry,account_id,seq,prev_hash,hash",
    );
    expect(rowsOf(older)).toEqual([{ ...row, amount: "1250", amount_minor: undefined }]);
    expect(await verify(older)).toEqual({ lines: 1, problems: [] });
    const changed = await verify(older.replace(",1250,", ",125,"));
    expect(changed.problems.map((p) => p.message)).toEqual(["amount is 125 here but 1250 in the ledger"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkStatementFile, NOT_YOUR_STATEMENT, statementCsv, unsafeListStatement } from "@/lib/ledger";
import { grant, spend } from "../support/chain";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser } from "../support/factories";
import { closeConnections } from "../support/ledger";

// The "Check a statement" pages' domain call: the verdict for a statement the person may read,
// and a refusal (saying nothing of whether it matches) for one with a line on anyone else's account.

let driverId: string;
let driverCsv: string;
let merchantId: string;
let merchantCsv: string;
let memberId: string;
let outsiderMemberId: string;

beforeAll(async () => {
  const [driver, member, outsider] = await Promise.all([
    createUser(),
    createUser({ role: "MERCHANT" }),
    createUser({ role: "MERCHANT" }),
  ]);
  const [merchant] = await Promise.all([createMerchant(member.id), createMerchant(outsider.id)]);
  driverId = driver.id;
  merchantId = merchant.id;
  memberId = member.id;
  outsiderMemberId = outsider.id;
  await grant(driverId, 500n);
  await spend(driverId, merchantId, 120n);
  await grant(driverId, 40n);
  driverCsv = statementCsv(await unsafeListStatement("DRIVER", driverId, 5000));
  merchantCsv = statementCsv(await unsafeListStatement("MERCHANT", merchantId, 5000));
});

afterAll(closeConnections);

const lines = (csv: string) => csv.trimEnd().split("\n"); // header, then newest first
const withLines = (ls: string[]) => ls.join("\n") + "\n";

describe("checking a downloaded statement on its page", () => {
  it("an untouched own statement matches, line count included", async () => {
    expect(await checkStatementFile(asDriver(driverId), driverCsv)).toEqual({ verdict: "matches", lines: 3 });
  });

  it("names the line whose amount was altered in the file, with its entry and the further-problem count", async () => {
    const ls = lines(driverCsv); // line 3 is the spend of 120
    const altered = [...ls];
    altered[2] = altered[2].replace(",-120,", ",-12,");
    expect(altered[2]).not.toBe(ls[2]);
    expect(await checkStatementFile(asDriver(driverId), withLines(altered))).toEqual({
      verdict: "differs",
      lines: 3,
      first: { line: 3, entryId: ls[2].split(",")[8], message: "amount is -12 here but -120 in the ledger" },
      further: 0,
    });
  });

  it("checks a statement downloaded before amount_minor (13 columns) too", async () => {
    // Nova amounts are whole: the older file's amount column held the same minor units
    const older = lines(driverCsv).map((l) => l.slice(0, l.lastIndexOf(",")));
    expect(older[0]).toBe(
      "date,transaction,type,currency,account,amount,state,reason,entry,account_id,seq,prev_hash,hash",
    );
    expect(await checkStatementFile(asDriver(driverId), withLines(older))).toEqual({ verdict: "matches", lines: 3 });
  });

  it("names where a deleted row was", async () => {
    const ls = lines(driverCsv);
    const check = await checkStatementFile(asDriver(driverId), withLines([ls[0], ls[1], ls[3]]));
    expect(check).toMatchObject({ verdict: "differs", lines: 2, further: 0, first: { line: 3 } });
    expect(check.verdict === "differs" && check.first.message).toMatch(
      /^a line is missing here: entry \d+ \(seq 2 of account \w+, -120 NOVA on /,
    );
  });

  it("refuses another driver's statement without saying whether it matches", async () => {
    const other = await createUser();
    const refused = checkStatementFile(asDriver(other.id), driverCsv);
    await expect(refused).rejects.toMatchObject({ code: "forbidden", message: NOT_YOUR_STATEMENT });
  });

  it("refuses a file that hides one foreign line among the driver's own", async () => {
    const other = await createUser();
    await grant(other.id, 10n);
    const own = lines(statementCsv(await unsafeListStatement("DRIVER", other.id, 5000)));
    const mixed = withLines([...own, lines(driverCsv)[1]]);
    await expect(checkStatementFile(asDriver(other.id), mixed)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a merchant member checks their merchant's statement; a member of another merchant is refused", async () => {
    expect(await checkStatementFile(asMerchant(memberId), merchantCsv)).toEqual({ verdict: "matches", lines: 1 });
    await expect(checkStatementFile(asMerchant(outsiderMemberId), merchantCsv)).rejects.toMatchObject({
      code: "forbidden",
      message: NOT_YOUR_STATEMENT,
    });
    await expect(checkStatementFile(asMerchant(memberId), driverCsv)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an admin may check anyone's statement", async () => {
    const admin = await createUser({ role: "ADMIN" });
    expect(await checkStatementFile(asAdmin(admin.id), driverCsv)).toEqual({ verdict: "matches", lines: 3 });
    expect(await checkStatementFile(asAdmin(admin.id), merchantCsv)).toEqual({ verdict: "matches", lines: 1 });
  });

  it("a file that is not a statement gets a sentence", async () => {
    const actor = asDriver(driverId);
    expect(await checkStatementFile(actor, "name,amount\nlunch,12\n")).toEqual({
      verdict: "not_a_statement",
      message: expect.stringMatching(
        /^Not a Nerava statement: the first line should be date,transaction,.*,hash,amount_minor\.$/,
      ),
    });
    expect(await checkStatementFile(actor, "\n\n")).toEqual({
      verdict: "not_a_statement",
      message: "This file is empty.",
    });
    const before = withLines(lines(driverCsv).map((l) => l.split(",").slice(0, 8).join(",")));
    expect(await checkStatementFile(actor, before)).toEqual({
      verdict: "not_a_statement",
      message: "This statement was downloaded before statements carried hashes; download it again to check it.",
    });
  });

  it("answers for an edited file naming 40,000 made-up accounts (past PostgreSQL's 32,767 bind parameters)", async () => {
    const header = lines(driverCsv)[0];
    const rows = Array.from({ length: 40_000 }, (_, i) => `,,,,,,,,${i + 1},made-up-${i},,,`);
    const check = await checkStatementFile(asDriver(driverId), withLines([header, ...rows]));
    expect(check).toMatchObject({ verdict: "differs", lines: 40_000, further: 39_999, first: { line: 2 } });
  });

  it("refuses a file past 2 MB and, past 20 checks in ten minutes, says to wait", async () => {
    const actor = asDriver((await createUser()).id);
    await expect(checkStatementFile(actor, "x".repeat(2 * 1024 * 1024 + 1))).rejects.toMatchObject({
      code: "payload_too_large",
    });
    for (let i = 0; i < 19; i++) await checkStatementFile(actor, "not,a,statement\n");
    await expect(checkStatementFile(actor, "not,a,statement\n")).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^Too many statements checked\. Try again in /),
    });
  });
});

import { describe, expect, it } from "vitest";
import type { AccountKind } from "@/lib/db/generated/enums";
import { entryState, statementCsv } from "@/lib/ledger";

const tx = (type: string, extra: Partial<{ metadata: unknown; reversedBy: { id: string } | null }> = {}) => ({
  type,
  metadata: null,
  reversedBy: null,
  ...extra,
});

// The statement's entry state, as these assertions were first written (kind, amount, transaction);
// the cases for every transaction type are in transaction-types.test.ts.
const stateOf = (
  kind: AccountKind,
  amount: bigint,
  t: { type: string; metadata: unknown; reversedBy: { id: string } | null },
) => entryState({ type: t.type, kind, amount, metadata: t.metadata, reversed: t.reversedBy !== null });

describe("statement states", () => {
  it("describes a redemption's life in words a driver understands", () => {
    expect(stateOf("AVAILABLE", -650n, tx("REDEMPTION_HOLD"))).toBe("held");
    expect(stateOf("HELD", 650n, tx("REDEMPTION_HOLD"))).toBe("held");
    expect(stateOf("HELD", -650n, tx("REDEMPTION_CONFIRM"))).toBe("spent");
    // a code that ran out gives its Nova back: available ("expired" is for Nova that expired)
    expect(stateOf("AVAILABLE", 650n, tx("REDEMPTION_RELEASE", { metadata: { expired: true } }))).toBe("available");
    expect(stateOf("AVAILABLE", -120n, tx("NOVA_EXPIRY"))).toBe("expired");
    expect(stateOf("AVAILABLE", 650n, tx("REDEMPTION_RELEASE", { metadata: { expired: false } }))).toBe("available");
  });

  it("marks pending rewards, reversed grants and spends", () => {
    expect(stateOf("PENDING", 120n, tx("SESSION_REWARD"))).toBe("pending");
    expect(stateOf("AVAILABLE", 500n, tx("GRANT", { reversedBy: { id: "r" } }))).toBe("reversed");
    expect(stateOf("AVAILABLE", -40n, tx("DIRECT_SPEND"))).toBe("spent");
    expect(stateOf("AVAILABLE", 500n, tx("GRANT"))).toBe("available");
  });

  it("writes CSV that a spreadsheet cannot run as a formula", () => {
    const csv = statementCsv([
      {
        entryId: "1",
        transactionId: "t1",
        createdAt: new Date("2026-11-27T10:00:00Z"),
        currency: "NOVA",
        account: "AVAILABLE",
        amount: 500n,
        type: "GRANT",
        reason: `=HYPERLINK("http://evil"), "quoted"`,
        state: "available",
      },
    ]);
    const row = csv.trim().split("\n")[1];
    expect(row).toContain(`"'=HYPERLINK(""http://evil""), ""quoted"""`);
    expect(row.startsWith("2026-11-27T10:00:00.000Z,t1,GRANT,NOVA,AVAILABLE,500,available,")).toBe(true);
  });

  it("writes USD amounts in dollars with cents, and the exact minor units in amount_minor", () => {
    const line = (amount: bigint) => ({
      entryId: "2",
      transactionId: "t2",
      createdAt: new Date("2026-11-27T10:00:00Z"),
      currency: "USD" as const,
      account: "AVAILABLE" as const,
      amount,
      type: "PAYOUT_REQUEST",
      reason: "Cash out",
      state: "spent" as const,
    });
    const rows = statementCsv([line(-1250n), line(5n), line(-100_000_007n)])
      .trim()
      .split("\n");
    expect(rows[0].split(",").slice(5, 6).concat(rows[0].split(",").slice(-1))).toEqual(["amount", "amount_minor"]);
    // plain numbers, negative ones too: a spreadsheet sums the column
    expect(rows[1]).toMatch(/^2026-11-27T10:00:00\.000Z,t2,PAYOUT_REQUEST,USD,AVAILABLE,-12\.50,spent,.*,-1250$/);
    expect(rows[2]).toMatch(/,USD,AVAILABLE,0\.05,spent,.*,5$/);
    expect(rows[3]).toMatch(/,-1000000\.07,.*,-100000007$/);
  });
});

import { describe, expect, it } from "vitest";
import { stateOf, statementCsv } from "@/lib/ledger/statement";

const tx = (type: string, extra: Partial<{ metadata: unknown; reversedBy: { id: string } | null }> = {}) => ({
  type,
  metadata: null,
  reversedBy: null,
  ...extra,
});

describe("statement states", () => {
  it("describes a redemption's life in words a driver understands", () => {
    expect(stateOf("AVAILABLE", -650n, tx("REDEMPTION_HOLD"))).toBe("held");
    expect(stateOf("HELD", 650n, tx("REDEMPTION_HOLD"))).toBe("held");
    expect(stateOf("HELD", -650n, tx("REDEMPTION_CONFIRM"))).toBe("spent");
    expect(stateOf("AVAILABLE", 650n, tx("REDEMPTION_RELEASE", { metadata: { expired: true } }))).toBe("expired");
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
});

import { walletWord, type EntryState, type StatementLine } from "@/lib/ledger";

export type WalletActivity = {
  transactionId: string;
  createdAt: Date;
  reason: string;
  /** The ledger transaction type (a DIRECT_SPEND can be reported as "not me"). */
  type: string;
  state: EntryState;
  currency: "NOVA" | "USD";
  /** Net change to the driver's money; 0 when Nova only moved between their own accounts. */
  net: number;
  /** What moved when `net` is 0 (a hold, or a hold given back). */
  moved: number;
  movedWord: "held" | "returned" | "now available" | null;
};

// The ledger's registry gives one transaction's entries for one owner the same state; should
// they ever differ, the line shows the one that matters most to the driver.
const PRECEDENCE: EntryState[] = ["reversed", "expired", "pending", "held", "spent", "available"];

/**
 * One line per transaction and currency for the driver's wallet (a charging reward carries
 * Nova and cash, shown as two lines; never summed across currencies): the ledger writes a redemption hold as two
 * entries (available → held), which on a phone reads best as "✦ 650 held", not −650 and +650.
 */
export function walletActivity(lines: StatementLine[]): WalletActivity[] {
  const groups = new Map<string, StatementLine[]>();
  for (const line of lines) {
    const key = `${line.transactionId}:${line.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()].map((entries) => {
    const first = entries[0];
    const net = entries.reduce((sum, e) => sum + Number(e.amount), 0);
    const moved = entries.filter((e) => e.amount > 0n).reduce((sum, e) => sum + Number(e.amount), 0);
    return {
      transactionId: first.transactionId,
      createdAt: first.createdAt,
      reason: first.reason,
      type: first.type,
      state: PRECEDENCE.find((s) => entries.some((e) => e.state === s)) ?? first.state,
      currency: first.currency,
      net,
      moved,
      movedWord: net !== 0 ? null : walletWord(first.type),
    };
  });
}

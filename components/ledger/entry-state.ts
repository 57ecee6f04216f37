import type { EntryState, StatementLine } from "@/lib/ledger";

/**
 * The state to show for one entry. lib/ledger's state goes by account kind, so the two sides
 * of a hold read "spent" and "held" and a confirmed redemption (leaving the held account)
 * reads "held"; people expect the hold to say held, the confirmation spent and a cancel
 * available. Reversed and expired always win.
 */
export function entryState(line: Pick<StatementLine, "state" | "type" | "account" | "amount">): EntryState {
  if (line.state === "reversed" || line.state === "expired") return line.state;
  if (line.type === "REDEMPTION_HOLD") return "held";
  if (line.type === "REDEMPTION_CONFIRM" && line.account === "HELD") return "spent";
  if (line.type === "REDEMPTION_RELEASE") return "available";
  return line.state;
}

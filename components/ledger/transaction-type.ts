// Ledger transaction types (lib/ledger writes them as strings) in words for the admin console.
const labels: Record<string, string> = {
  GRANT: "Grant",
  REDEMPTION_HOLD: "Redemption hold",
  REDEMPTION_CONFIRM: "Redemption",
  REDEMPTION_RELEASE: "Hold released",
  DIRECT_SPEND: "Pass payment",
  REVERSAL: "Reversal",
};

export const transactionTypeLabel = (type: string) => labels[type] ?? type.replace(/_/g, " ").toLowerCase();

const kinds: Record<string, string> = {
  AVAILABLE: "Available",
  HELD: "Held",
  PENDING: "Pending",
  ISSUANCE: "Issuance",
  REWARDS_EXPENSE: "Rewards expense",
  PAYOUTS_CLEARING: "Payouts clearing",
  FEES: "Fees",
};

export const accountKindLabel = (kind: string) => kinds[kind] ?? kind;

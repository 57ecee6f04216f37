// Ledger account kinds in words for the admin console (transaction types are lib/ledger's registry).
const kinds: Record<string, string> = {
  AVAILABLE: "Available",
  HELD: "Held",
  PENDING: "Pending",
  ISSUANCE: "Issuance",
  REWARDS_EXPENSE: "Rewards expense",
  PAYOUTS_CLEARING: "Payouts clearing",
  PAYOUTS_SENT: "Paid out",
  FEES: "Fees",
};

export const accountKindLabel = (kind: string) => kinds[kind] ?? kind;

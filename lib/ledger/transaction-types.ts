import type { AccountKind } from "@/lib/db/generated/enums";

/** The state of the money in one statement entry, in words a driver or cashier understands. */
export type EntryState = "available" | "pending" | "held" | "reversed" | "expired" | "spent";

/** What a statement knows about one entry when it says which state its money is in. */
export type EntryFacts = {
  type: string;
  kind: AccountKind;
  amount: bigint;
  metadata: unknown;
  /** The entry's transaction has been reversed since. */
  reversed: boolean;
  /** For a redemption hold: what became of its code since (still held, confirmed, or given back). */
  codeOutcome?: "HELD" | "CONFIRMED" | "RELEASED";
};

type Reversal =
  /** An admin may reverse it from the ledger page; `whilePending` refuses it while its value still sits in a pending account. */
  { byAdmin: true; whilePending?: string } | { byAdmin: false; why: string };

type TypeSpec = {
  /** The type in words, for the admin console. */
  label: string;
  reversal: Reversal;
  /** The state its entries read in a statement (a reversed transaction's entries read "reversed" first). */
  reads: (entry: EntryFacts) => EntryState;
  /** What the driver's wallet says moved when the Nova only moved between their own accounts. */
  walletWord?: "held" | "returned" | "now available";
};

/** Pending and held accounts say so; otherwise money leaving is spent and money arriving is available. */
const byAccount = (e: EntryFacts): EntryState =>
  e.kind === "PENDING" ? "pending" : e.kind === "HELD" ? "held" : e.amount < 0n ? "spent" : "available";

// Holds, confirmations and releases belong to a redemption code's life cycle and are undone by it
// (cancel/expiry), never by a bare reversal that would leave the code and the ledger disagreeing.
const FOLLOWS_ITS_CODE =
  "Redemptions follow their code: a hold is given back by cancelling the code or letting it expire, and a confirmed redemption is not reversed here.";

// A purchase reward follows its Square order: a full refund takes it back, once, by the order's key.
const FOLLOWS_ITS_ORDER =
  "Purchase rewards follow their Square order: a full refund of the order takes the reward back, once.";

const EXPIRY_IS_FINAL =
  "Expired Nova are not reversed: the driver was reminded ahead. To make it good, make a new grant (its own line in their statement).";

const FOLLOWS_ITS_PAYOUT =
  "Cash-outs follow their payout: money goes back to the driver from the payout's page (Return money), once.";

/**
 * Every kind of ledger transaction the app writes, with its label, whether and when an admin may
 * reverse it, and how its entries read in statements (driver wallet, merchant reports, admin
 * accounts and every CSV).
 */
export const transactionTypes = {
  GRANT: { label: "Grant", reversal: { byAdmin: true }, reads: byAccount },
  SESSION_REWARD: {
    label: "Charging reward",
    reversal: {
      byAdmin: true,
      // Reversing it while pending would leave the session's verification (release) or forfeit with nothing to move.
      whilePending:
        "This charging reward is still pending verification. It can be reversed once it is available; if the session does not verify, it is taken back by itself.",
    },
    reads: byAccount,
  },
  SESSION_REWARD_RELEASE: {
    label: "Charging reward verified",
    reversal: {
      byAdmin: false,
      why: "This only made a charging reward available. To take the reward back, reverse the charging reward itself.",
    },
    reads: () => "available",
    walletWord: "now available",
  },
  REDEMPTION_HOLD: {
    label: "Redemption hold",
    reversal: { byAdmin: false, why: FOLLOWS_ITS_CODE },
    // both sides describe Nova set aside for a code, until the code is used (spent) or given back
    reads: (e) => (e.codeOutcome === "CONFIRMED" ? "spent" : e.codeOutcome === "RELEASED" ? "available" : "held"),
    walletWord: "held",
  },
  REDEMPTION_CONFIRM: {
    label: "Redemption",
    reversal: { byAdmin: false, why: FOLLOWS_ITS_CODE },
    // leaving the held account is the spend; the merchant's side is available to them
    reads: (e) => (e.kind === "HELD" ? "spent" : byAccount(e)),
  },
  REDEMPTION_RELEASE: {
    label: "Hold released",
    reversal: { byAdmin: false, why: FOLLOWS_ITS_CODE },
    // the Nova are back whether the code was cancelled or ran out (its reason says which):
    // "expired" is kept for Nova that really expired (NOVA_EXPIRY)
    reads: () => "available",
    walletWord: "returned",
  },
  DIRECT_SPEND: { label: "Pass payment", reversal: { byAdmin: true }, reads: byAccount },
  PURCHASE_REWARD: { label: "Purchase reward", reversal: { byAdmin: false, why: FOLLOWS_ITS_ORDER }, reads: byAccount },
  PURCHASE_REWARD_RELEASE: {
    label: "Purchase reward available",
    reversal: { byAdmin: false, why: FOLLOWS_ITS_ORDER },
    reads: () => "available",
    walletWord: "now available",
  },
  // A campaign's bonus (lib/campaigns), paid once per (campaign, trigger): its reason is the campaign's label.
  // A driver held for review gets it pending; the review's decision releases or voids it.
  CAMPAIGN_REWARD: {
    label: "Campaign bonus",
    reversal: {
      byAdmin: true,
      whilePending:
        "This campaign bonus is pending while the driver's account is reviewed. Decide the review: approving it releases the bonus, voiding it takes the bonus back.",
    },
    reads: byAccount,
  },
  CAMPAIGN_REWARD_RELEASE: {
    label: "Campaign bonus available",
    reversal: {
      byAdmin: false,
      why: "This only made a held campaign bonus available. To take the bonus back, reverse the campaign bonus itself.",
    },
    reads: () => "available",
    walletWord: "now available",
  },
  // An energy event's bonus (lib/energy-events), paid once per (event, driver) from the car's telemetry.
  ENERGY_EVENT_REWARD: { label: "Energy event bonus", reversal: { byAdmin: true }, reads: byAccount },
  MERCHANT_TOPUP: { label: "Merchant top-up", reversal: { byAdmin: true }, reads: byAccount },
  // Cash-out follows its Payout row's state machine (lib/payouts): money is returned by that machine,
  // exactly once, never by a bare reversal that would leave the payout and the ledger disagreeing.
  PAYOUT_REQUEST: {
    label: "Cash-out",
    reversal: { byAdmin: false, why: FOLLOWS_ITS_PAYOUT },
    reads: byAccount,
  },
  PAYOUT_SETTLE: { label: "Cash-out paid", reversal: { byAdmin: false, why: FOLLOWS_ITS_PAYOUT }, reads: byAccount },
  PAYOUT_RETURN: {
    label: "Cash-out returned",
    reversal: { byAdmin: false, why: FOLLOWS_ITS_PAYOUT },
    reads: byAccount,
    walletWord: "returned",
  },
  // Nova earned long ago and not used, taken back after NOVA_EXPIRY_MONTHS without activity (lib/nova-expiry):
  // both sides (the driver's available Nova leaving, the platform's issuance taking it back) are expired Nova.
  NOVA_EXPIRY: { label: "Nova expired", reversal: { byAdmin: false, why: EXPIRY_IS_FINAL }, reads: () => "expired" },
  REVERSAL: {
    label: "Reversal",
    reversal: { byAdmin: false, why: "A reversal is not reversed in turn. To give the Nova back, make a new grant." },
    reads: () => "reversed",
  },
} as const satisfies Record<string, TypeSpec>;

export type TransactionType = keyof typeof transactionTypes;

export const isTransactionType = (type: string): type is TransactionType => Object.hasOwn(transactionTypes, type);

const specOf = (type: string): TypeSpec | null => (isTransactionType(type) ? transactionTypes[type] : null);

export const transactionTypeLabel = (type: string): string =>
  specOf(type)?.label ?? type.replace(/_/g, " ").toLowerCase();

/** The one state derivation: every statement, the wallet and the CSV read entries through it. */
export function entryState(entry: EntryFacts): EntryState {
  if (entry.reversed) return "reversed";
  return (specOf(entry.type)?.reads ?? byAccount)(entry);
}

/** Why an admin may not reverse a transaction of this type now, or null when they may. */
export function adminReversalRefusal(type: string, facts: { stillPending: boolean }): string | null {
  const reversal = specOf(type)?.reversal;
  if (!reversal) return "This kind of transaction cannot be reversed here.";
  if (!reversal.byAdmin) return reversal.why;
  return facts.stillPending && reversal.whilePending ? reversal.whilePending : null;
}

/** What the wallet says moved when a transaction stays within one owner's accounts. */
export const walletWord = (type: string) => specOf(type)?.walletWord ?? "returned";

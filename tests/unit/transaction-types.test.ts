import { describe, expect, it } from "vitest";
import type { AccountKind } from "@/lib/db/generated/enums";
import {
  adminReversalRefusal,
  entryState,
  transactionTypeLabel,
  transactionTypes,
  type EntryState,
  type StatementLine,
  type TransactionType,
} from "@/lib/ledger";
import { walletActivity } from "@/components/driver/wallet-activity";

// Each type's entries as its flow writes them (kind, amount, metadata) and the state each must
// read in every statement. `satisfies Record<TransactionType, …>`: a new type without cases
// does not compile.
type Case = {
  entry: string;
  kind: AccountKind;
  amount: bigint;
  metadata?: unknown;
  codeOutcome?: "HELD" | "CONFIRMED" | "RELEASED";
  state: EntryState;
};
const cases = {
  GRANT: [
    { entry: "driver receives", kind: "AVAILABLE", amount: 500n, state: "available" },
    { entry: "platform issues", kind: "ISSUANCE", amount: -500n, state: "spent" },
  ],
  SESSION_REWARD: [
    { entry: "driver's pending Nova", kind: "PENDING", amount: 120n, state: "pending" },
    { entry: "driver's pending cash", kind: "PENDING", amount: 200n, state: "pending" },
    { entry: "platform issues Nova", kind: "ISSUANCE", amount: -120n, state: "spent" },
    { entry: "platform pays cash", kind: "REWARDS_EXPENSE", amount: -200n, state: "spent" },
    { entry: "paid straight to available on an approved claim", kind: "AVAILABLE", amount: 120n, state: "available" },
  ],
  SESSION_REWARD_RELEASE: [
    { entry: "leaves pending", kind: "PENDING", amount: -120n, state: "available" },
    { entry: "arrives in available", kind: "AVAILABLE", amount: 120n, state: "available" },
  ],
  REDEMPTION_HOLD: [
    { entry: "leaves available", kind: "AVAILABLE", amount: -650n, state: "held" },
    { entry: "arrives in held", kind: "HELD", amount: 650n, state: "held" },
    { entry: "its code still live", kind: "HELD", amount: 650n, codeOutcome: "HELD", state: "held" },
    // once the code is used the hold no longer reads as held (the balance says held 0)
    { entry: "its code confirmed", kind: "AVAILABLE", amount: -650n, codeOutcome: "CONFIRMED", state: "spent" },
    { entry: "its code confirmed (held side)", kind: "HELD", amount: 650n, codeOutcome: "CONFIRMED", state: "spent" },
    { entry: "its code given back", kind: "AVAILABLE", amount: -650n, codeOutcome: "RELEASED", state: "available" },
  ],
  REDEMPTION_CONFIRM: [
    { entry: "leaves the driver's held", kind: "HELD", amount: -650n, state: "spent" },
    { entry: "arrives at the merchant", kind: "AVAILABLE", amount: 650n, state: "available" },
  ],
  REDEMPTION_RELEASE: [
    { entry: "cancel: leaves held", kind: "HELD", amount: -650n, metadata: { expired: false }, state: "available" },
    {
      entry: "cancel: back in available",
      kind: "AVAILABLE",
      amount: 650n,
      metadata: { expired: false },
      state: "available",
    },
    // the code ran out: its Nova are back and read available, not "expired" (that word is NOVA_EXPIRY's)
    { entry: "code expiry: leaves held", kind: "HELD", amount: -650n, metadata: { expired: true }, state: "available" },
    {
      entry: "code expiry: back in available",
      kind: "AVAILABLE",
      amount: 650n,
      metadata: { expired: true },
      state: "available",
    },
  ],
  DIRECT_SPEND: [
    { entry: "leaves the driver", kind: "AVAILABLE", amount: -40n, state: "spent" },
    { entry: "arrives at the merchant", kind: "AVAILABLE", amount: 40n, state: "available" },
  ],
  CAMPAIGN_REWARD: [
    { entry: "driver receives the bonus Nova", kind: "AVAILABLE", amount: 240n, state: "available" },
    { entry: "driver receives the cash bonus", kind: "AVAILABLE", amount: 100n, state: "available" },
    { entry: "platform issues Nova", kind: "ISSUANCE", amount: -240n, state: "spent" },
    { entry: "platform pays cash", kind: "REWARDS_EXPENSE", amount: -100n, state: "spent" },
    { entry: "a held driver's bonus waits in pending", kind: "PENDING", amount: 240n, state: "pending" },
  ],
  CAMPAIGN_REWARD_RELEASE: [
    { entry: "leaves pending after the review", kind: "PENDING", amount: -240n, state: "available" },
    { entry: "arrives in available", kind: "AVAILABLE", amount: 240n, state: "available" },
  ],
  ENERGY_EVENT_REWARD: [
    { entry: "driver receives the event's Nova", kind: "AVAILABLE", amount: 120n, state: "available" },
    { entry: "platform issues Nova", kind: "ISSUANCE", amount: -120n, state: "spent" },
  ],
  PURCHASE_REWARD: [
    { entry: "leaves the merchant's prepaid cash", kind: "AVAILABLE", amount: -180n, state: "spent" },
    { entry: "driver's pending cash", kind: "PENDING", amount: 150n, state: "pending" },
    { entry: "the platform fee", kind: "FEES", amount: 30n, state: "available" },
  ],
  PURCHASE_REWARD_RELEASE: [
    { entry: "leaves pending", kind: "PENDING", amount: -150n, state: "available" },
    { entry: "arrives in available", kind: "AVAILABLE", amount: 150n, state: "available" },
  ],
  MERCHANT_TOPUP: [
    { entry: "arrives in the merchant's prepaid cash", kind: "AVAILABLE", amount: 5_000n, state: "available" },
    { entry: "came in from outside", kind: "ISSUANCE", amount: -5_000n, state: "spent" },
  ],
  PAYOUT_REQUEST: [
    { entry: "leaves the driver's cash", kind: "AVAILABLE", amount: -1000n, state: "spent" },
    { entry: "waits in payouts clearing", kind: "PAYOUTS_CLEARING", amount: 990n, state: "available" },
    { entry: "the instant fee", kind: "FEES", amount: 10n, state: "available" },
  ],
  PAYOUT_SETTLE: [
    { entry: "leaves clearing", kind: "PAYOUTS_CLEARING", amount: -990n, state: "spent" },
    { entry: "paid out", kind: "PAYOUTS_SENT", amount: 990n, state: "available" },
  ],
  PAYOUT_RETURN: [
    { entry: "back in the driver's cash", kind: "AVAILABLE", amount: 1000n, state: "available" },
    { entry: "leaves clearing", kind: "PAYOUTS_CLEARING", amount: -990n, state: "spent" },
  ],
  NOVA_EXPIRY: [
    { entry: "leaves the driver's available Nova", kind: "AVAILABLE", amount: -120n, state: "expired" },
    { entry: "the platform's issuance takes it back", kind: "ISSUANCE", amount: 120n, state: "expired" },
  ],
  REVERSAL: [
    { entry: "a grant taken back", kind: "AVAILABLE", amount: -500n, state: "reversed" },
    { entry: "the platform's side", kind: "ISSUANCE", amount: 500n, state: "reversed" },
    { entry: "a forfeited pending reward", kind: "PENDING", amount: -120n, state: "reversed" },
    { entry: "a spend given back to the driver", kind: "AVAILABLE", amount: 40n, state: "reversed" },
  ],
} satisfies Record<TransactionType, Case[]>;

const types = Object.keys(transactionTypes) as TransactionType[];

describe("the transaction-type registry: one entry-state derivation", () => {
  it("has cases for every type it declares", () => {
    expect(Object.keys(cases).sort()).toEqual([...types].sort());
  });

  for (const type of types) {
    it(`${type}: its entries read as the statement should show them`, () => {
      for (const c of cases[type] as Case[]) {
        const state = entryState({
          type,
          kind: c.kind,
          amount: c.amount,
          metadata: c.metadata ?? null,
          reversed: false,
          codeOutcome: c.codeOutcome,
        });
        expect({ entry: c.entry, state }).toEqual({ entry: c.entry, state: c.state });
      }
    });

    it(`${type}: once reversed, every entry reads reversed`, () => {
      for (const c of cases[type] as Case[]) {
        expect(entryState({ type, kind: c.kind, amount: c.amount, metadata: c.metadata ?? null, reversed: true })).toBe(
          "reversed",
        );
      }
    });
  }

  it("reads an unknown type by its account", () => {
    const read = (kind: AccountKind, amount: bigint) =>
      entryState({ type: "SOMETHING_NEW", kind, amount, metadata: null, reversed: false });
    expect([read("PENDING", 5n), read("HELD", 5n), read("AVAILABLE", -5n), read("AVAILABLE", 5n)]).toEqual([
      "pending",
      "held",
      "spent",
      "available",
    ]);
  });
});

describe("labels", () => {
  it("names every type in words and falls back for an unknown one", () => {
    expect(types.map(transactionTypeLabel)).toEqual([
      "Grant",
      "Charging reward",
      "Charging reward verified",
      "Redemption hold",
      "Redemption",
      "Hold released",
      "Pass payment",
      "Purchase reward",
      "Purchase reward available",
      "Campaign bonus",
      "Campaign bonus available",
      "Energy event bonus",
      "Merchant top-up",
      "Cash-out",
      "Cash-out paid",
      "Cash-out returned",
      "Nova expired",
      "Reversal",
    ]);
    expect(transactionTypeLabel("PROMO_CREDIT")).toBe("promo credit");
  });
});

describe("who may reverse what, and when", () => {
  it("lets an admin reverse grants, pass payments and available charging rewards", () => {
    expect(adminReversalRefusal("GRANT", { stillPending: false })).toBeNull();
    expect(adminReversalRefusal("DIRECT_SPEND", { stillPending: false })).toBeNull();
    expect(adminReversalRefusal("SESSION_REWARD", { stillPending: false })).toBeNull();
  });

  it("refuses a charging reward still pending verification, and a campaign bonus pending a review", () => {
    expect(adminReversalRefusal("SESSION_REWARD", { stillPending: true })).toMatch(/still pending verification/);
    expect(adminReversalRefusal("CAMPAIGN_REWARD", { stillPending: true })).toMatch(/Decide the review/);
    expect(adminReversalRefusal("CAMPAIGN_REWARD", { stillPending: false })).toBeNull();
  });

  it("refuses the types that follow a code or another transaction, and unknown types, saying why", () => {
    for (const type of ["REDEMPTION_HOLD", "REDEMPTION_CONFIRM", "REDEMPTION_RELEASE"])
      expect(adminReversalRefusal(type, { stillPending: false })).toMatch(/follow their code/);
    expect(adminReversalRefusal("SESSION_REWARD_RELEASE", { stillPending: false })).toMatch(
      /reverse the charging reward itself/,
    );
    expect(adminReversalRefusal("CAMPAIGN_REWARD_RELEASE", { stillPending: false })).toMatch(
      /reverse the campaign bonus itself/,
    );
    expect(adminReversalRefusal("REVERSAL", { stillPending: false })).toMatch(/not reversed in turn/);
    expect(adminReversalRefusal("NOVA_EXPIRY", { stillPending: false })).toMatch(/Expired Nova are not reversed/);
    for (const type of ["PURCHASE_REWARD", "PURCHASE_REWARD_RELEASE"])
      expect(adminReversalRefusal(type, { stillPending: false })).toMatch(/follow their Square order/);
    expect(adminReversalRefusal("NO_SUCH_TYPE", { stillPending: false })).toMatch(/cannot be reversed/);
  });
});

describe("the driver's wallet reads the same states", () => {
  let n = 0;
  const line = (
    transactionId: string,
    type: TransactionType,
    kind: AccountKind,
    amount: bigint,
    metadata?: unknown,
  ) => {
    const state = entryState({ type, kind, amount, metadata: metadata ?? null, reversed: false });
    return {
      entryId: String(++n),
      transactionId,
      createdAt: new Date("2026-11-27T10:00:00Z"),
      currency: "NOVA",
      account: kind,
      amount,
      type,
      reason: type,
      state,
    } satisfies StatementLine;
  };

  it("shows one line per transaction with its state and what moved", () => {
    const activity = walletActivity([
      line("hold", "REDEMPTION_HOLD", "AVAILABLE", -650n),
      line("hold", "REDEMPTION_HOLD", "HELD", 650n),
      line("cancel", "REDEMPTION_RELEASE", "HELD", -650n, { expired: false }),
      line("cancel", "REDEMPTION_RELEASE", "AVAILABLE", 650n, { expired: false }),
      line("verified", "SESSION_REWARD_RELEASE", "PENDING", -120n),
      line("verified", "SESSION_REWARD_RELEASE", "AVAILABLE", 120n),
      line("forfeit", "REVERSAL", "PENDING", -80n),
      line("spend", "DIRECT_SPEND", "AVAILABLE", -40n),
      line("expiry", "NOVA_EXPIRY", "AVAILABLE", -120n),
    ]);
    expect(
      activity.map(({ transactionId, state, net, moved, movedWord }) => [transactionId, state, net, moved, movedWord]),
    ).toEqual([
      ["hold", "held", 0, 650, "held"],
      ["cancel", "available", 0, 650, "returned"],
      ["verified", "available", 0, 120, "now available"],
      ["forfeit", "reversed", -80, 0, null],
      ["spend", "spent", -40, 0, null],
      ["expiry", "expired", -120, 0, null],
    ]);
  });
});

import { AppError, tagClass } from "@/lib/errors";

export class InsufficientFunds extends AppError {
  constructor(message = "The balance does not cover this.") {
    super("insufficient_funds", message);
  }
}

export class IdempotencyConflict extends AppError {
  constructor() {
    super(
      "idempotency_conflict",
      "This request was already made with different details. Reload the page and try again.",
    );
  }
}

export class AlreadyReversed extends AppError {
  constructor() {
    super("already_reversed", "This transaction has already been reversed.");
  }
}

/**
 * The posting's guard (PostInput.guard) was false: nothing was written. Not a person's refusal:
 * the caller reads afresh and decides (a redemption made from an offer it remembered re-reads it).
 */
export class GuardFailed extends Error {
  constructor() {
    super("ledger: the posting's guard was false");
  }
}

tagClass(GuardFailed, "GuardFailed");
tagClass(InsufficientFunds, "InsufficientFunds");
tagClass(IdempotencyConflict, "IdempotencyConflict");
tagClass(AlreadyReversed, "AlreadyReversed");

/** A bug in the caller, never a user's mistake: entries must balance. */
export class UnbalancedTransaction extends Error {}

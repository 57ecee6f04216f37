// Stripe's codes in words a driver understands, with what to do next. Never shown raw.

export const formatUsd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

const FAILURES: Record<string, string> = {
  account_closed: "Your bank says this account is closed.",
  account_frozen: "Your bank has frozen this account.",
  bank_account_restricted: "Your bank account does not accept this kind of deposit.",
  bank_ownership_changed: "The bank account changed owners.",
  could_not_process: "Your bank could not process the deposit.",
  debit_not_authorized: "Your bank refused the deposit.",
  insufficient_funds: "Your bank refused the deposit.",
  invalid_account_number: "The bank account number looks wrong.",
  invalid_currency: "Your bank account does not accept US dollars.",
  no_account: "Your bank could not find an account with those details.",
  unsupported_card: "This debit card cannot receive instant payouts.",
  instant_payouts_unsupported: "Instant cash-out is not available for this bank account.",
  instant_payouts_limit_exceeded: "Instant cash-out has reached today's limit.",
  instant_payouts_config_disabled: "Instant cash-out is switched off for now.",
  payouts_not_allowed: "Stripe has paused payouts to your account until it has more information.",
  payouts_limit_exceeded: "Stripe's payout limit for your account was reached.",
  capability_not_active: "Stripe has not finished checking your account yet.",
  transfers_not_allowed: "Stripe has not finished checking your account yet.",
  balance_insufficient: "Cash-outs are paused on our side for a moment.",
  admin_cancelled: "Our team cancelled this cash-out before it was sent.",
  canceled: "The payout was cancelled before it reached your bank.",
};

const NEXT_STEP: Record<string, string> = {
  account_closed: "Update your bank details, then cash out again.",
  account_frozen: "Contact your bank, or add another account, then cash out again.",
  invalid_account_number: "Update your bank details, then cash out again.",
  no_account: "Check your bank details, then cash out again.",
  instant_payouts_unsupported: "Choose a standard cash-out instead.",
  instant_payouts_limit_exceeded: "Choose a standard cash-out, or try instant again tomorrow.",
  payouts_not_allowed: "Finish your cash-out setup, then try again.",
  capability_not_active: "Finish your cash-out setup, then try again.",
  transfers_not_allowed: "Finish your cash-out setup, then try again.",
  balance_insufficient: "Please try again in a few hours.",
  admin_cancelled: "The money is back in your wallet; write to support if you have questions.",
  canceled: "The money is back in your wallet; you can cash out again.",
};

/** What went wrong, in a sentence, and what to do next. */
export function failureInWords(code: string | null | undefined): string {
  const what = (code && FAILURES[code]) || "The cash-out could not be completed.";
  const next = (code && NEXT_STEP[code]) || "Check your bank details, then cash out again.";
  return `${what} ${next}`;
}

const DISABLED: Record<string, string> = {
  "requirements.past_due": "Stripe needs more information from you before it can pay you.",
  "requirements.pending_verification": "Stripe is checking the information you gave; this usually takes a few minutes.",
  listed: "Stripe has paused your account while it reviews it.",
  "rejected.fraud": "Stripe closed this account.",
  "rejected.terms_of_service": "Stripe closed this account.",
  "rejected.listed": "Stripe closed this account.",
  "rejected.other": "Stripe closed this account.",
  under_review: "Stripe is reviewing your account.",
  other: "Stripe has paused payouts to your account.",
};

/** Why Stripe restricted the account, in words (a reason we do not know still reads as a pause). */
export const restrictionInWords = (reason: string) =>
  DISABLED[reason] ?? (reason.startsWith("rejected") ? DISABLED["rejected.other"] : DISABLED.other);

const FIELDS: Record<string, string> = {
  external_account: "a bank account",
  "individual.id_number": "your Social Security number",
  "individual.ssn_last_4": "the last 4 digits of your SSN",
  "individual.verification.document": "a photo of your ID",
  "individual.dob.day": "your date of birth",
  "individual.address.line1": "your address",
  "individual.phone": "your phone number",
  "tos_acceptance.date": "acceptance of Stripe's terms",
};

/** The information Stripe asks for, in words, without repeats. */
export function requirementsInWords(fields: string[]): string[] {
  const words = fields.map((f) => FIELDS[f] ?? (f.startsWith("individual.dob") ? FIELDS["individual.dob.day"] : null));
  const named = [...new Set(words.filter((w): w is string => w !== null))];
  return named.length || fields.length === 0 ? named : ["a few more details"];
}

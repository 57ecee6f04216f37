import type { StripeAccount } from "@/lib/db/generated/client";
import { requirementsInWords, restrictionInWords } from "./words";

export type SetupState = "not_started" | "incomplete" | "due" | "restricted" | "checking" | "bank_problem" | "ready";

export type CashOutSetup = {
  state: SetupState;
  headline: string;
  detail: string | null;
  /** What Stripe still asks for, in words. */
  due: string[];
  deadline: Date | null;
  bank: { name: string | null; last4: string } | null;
  instantAvailable: boolean;
};

/**
 * The setup in words. Readiness needs all of it: details submitted, payouts enabled, transfers
 * active, no restriction and a bank that has not bounced. A paused account with empty requirement
 * lists (Stripe's "other") reads as paused, never as "all set".
 */
export function describeSetup(row: StripeAccount | null): CashOutSetup {
  const base = {
    due: [] as string[],
    deadline: row?.currentDeadline ?? null,
    bank: row?.bankLast4 ? { name: row.bankName, last4: row.bankLast4 } : null,
    instantAvailable: row?.instantAvailable ?? false,
  };
  const view = (state: SetupState, headline: string, detail: string | null = null, due: string[] = []) => ({
    ...base,
    state,
    headline,
    detail,
    due,
  });
  if (!row?.stripeAccountId)
    return view("not_started", "Set up cash-out", "Stripe, our payments partner, pays your rewards to your bank.");
  if (!row.detailsSubmitted)
    return view("incomplete", "Finish setting up cash-out", "Stripe still needs a few details and your bank account.");
  const due = requirementsInWords([...row.pastDue, ...row.currentlyDue]);
  if (row.disabledReason && row.disabledReason !== "requirements.pending_verification") {
    const needsInfo = row.disabledReason === "requirements.past_due" && due.length > 0;
    return needsInfo
      ? view("due", "Stripe needs more information", restrictionInWords(row.disabledReason), due)
      : view("restricted", "Cash-out is paused", restrictionInWords(row.disabledReason), due);
  }
  if (due.length > 0) return view("due", "Stripe needs more information", "Add it to keep cashing out.", due);
  if (row.bankStatus === "errored")
    return view("bank_problem", "Your bank sent a cash-out back", "Update your bank details to cash out again.");
  if (!row.payoutsEnabled || row.transfersStatus !== "active" || !row.bankLast4)
    return view("checking", "Stripe is checking your details", "This usually takes a few minutes.");
  return view("ready", "Cash-out is ready", null);
}

const REFUSALS: Record<Exclude<SetupState, "ready">, string> = {
  not_started: "Set up cash-out first: Stripe, our payments partner, needs your bank account.",
  incomplete: "Finish setting up cash-out first: Stripe still needs a few details.",
  due: "Stripe needs more information before it can pay you. Add it from the Cash out page.",
  restricted: "Stripe has paused payouts to your account.",
  checking: "Stripe is still checking your details; this usually takes a few minutes.",
  bank_problem: "Your bank sent a cash-out back. Update your bank details before cashing out again.",
};

/** Why a cash-out is refused for this setup, as one or two whole sentences. */
export function setupRefusal(setup: CashOutSetup): string {
  if (setup.state === "ready") return "";
  if (setup.state === "restricted" && setup.detail) return setup.detail;
  return REFUSALS[setup.state];
}

import type { PayoutState } from "@/lib/db/generated/enums";

const STATE: Record<PayoutState, string> = {
  REQUESTED: "Requested",
  TRANSFER_SUBMITTED: "Sending",
  TRANSFERRED: "Sending",
  PAYOUT_SUBMITTED: "On its way to your bank",
  PAID: "Paid",
  FAILED: "Did not go through — returning your money",
  RETURNED: "Returned to your wallet",
};

export const stateInWords = (state: PayoutState) => STATE[state];

export type TimelineLine = { at: Date; text: string };

// The driver sees our transitions only; Stripe's events and call details are for admins.
const DRIVER_LINES: Partial<Record<PayoutState, string>> = {
  REQUESTED: "You asked to cash out",
  TRANSFERRED: "Sent to Stripe, our payments partner",
  PAYOUT_SUBMITTED: "Stripe is sending it to your bank",
  PAID: "Paid to your bank",
  FAILED: "It did not go through",
  RETURNED: "Back in your Nerava wallet",
};

export function timelineInWords(
  events: { kind: string; toState: PayoutState | null; createdAt: Date }[],
): TimelineLine[] {
  return events
    .filter((e) => e.toState && DRIVER_LINES[e.toState])
    .map((e) => ({ at: e.createdAt, text: DRIVER_LINES[e.toState!]! }));
}

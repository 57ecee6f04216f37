import { Badge, type BadgeTone } from "./badge";

const tones: Record<string, BadgeTone> = {
  REQUESTED: "info",
  TRANSFER_SUBMITTED: "info",
  TRANSFERRED: "info",
  PAYOUT_SUBMITTED: "info",
  PAID: "brand",
  FAILED: "danger",
  RETURNED: "warning",
};

/** The admin's words for a payout state: "Transfer submitted". */
export const payoutStateLabel = (state: string) => state.charAt(0) + state.slice(1).toLowerCase().replaceAll("_", " ");

/**
 * A payout's state as a coloured badge: in flight blue, paid green, failed red, returned amber.
 * `label` is the words to show (the driver's "On its way to your bank"); the admin's by default.
 */
export function PayoutStateBadge({ state, label }: { state: string; label?: string }) {
  return (
    // the driver's words can be a sentence: let them wrap on a phone
    <Badge tone={tones[state] ?? "neutral"} className={label ? "whitespace-normal" : undefined}>
      {label ?? payoutStateLabel(state)}
    </Badge>
  );
}

import type { OfferStatus as ManagedStatus } from "@/lib/offers";
import { Badge } from "@/components/ui/badge";

type OfferState = { active: boolean; endsAt: Date | null };

export type OfferStatus = "active" | "paused" | "ended";

/** The overview's coarse count (live or not): an inactive offer is not live whatever its end date. */
export function offerStatus(offer: OfferState, now: Date): OfferStatus {
  if (!offer.active) return "paused";
  if (offer.endsAt && offer.endsAt <= now) return "ended";
  return "active";
}

const labels = {
  active: "Live",
  live: "Live",
  scheduled: "Scheduled",
  paused: "Paused",
  ended: "Ended",
  sold_out: "Sold out",
} as const;
const tones = {
  active: "brand",
  live: "brand",
  scheduled: "info",
  paused: "neutral",
  ended: "warning",
  sold_out: "danger",
} as const;

/** `active` is the overview's coarse "live" (it does not know start dates or limits). */
export function OfferStatusBadge({ status }: { status: ManagedStatus | OfferStatus }) {
  return <Badge tone={tones[status]}>{labels[status]}</Badge>;
}

export type OfferStatus = "live" | "scheduled" | "paused" | "ended" | "sold_out";

type OfferState = {
  active: boolean;
  startsAt: Date;
  endsAt: Date | null;
  totalLimit: number | null;
  redeemed: number;
};

/** Ended wins (an ended offer is also inactive), then paused, scheduled, sold out; otherwise live. */
export function offerStatus(offer: OfferState, now: Date): OfferStatus {
  if (offer.endsAt && offer.endsAt <= now) return "ended";
  if (!offer.active) return "paused";
  if (offer.startsAt > now) return "scheduled";
  if (offer.totalLimit !== null && offer.redeemed >= offer.totalLimit) return "sold_out";
  return "live";
}

export const isEnded = (offer: { endsAt: Date | null }, now: Date) => offer.endsAt !== null && offer.endsAt <= now;

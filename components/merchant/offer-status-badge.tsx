import { Badge } from "@/components/ui/badge";

type OfferState = { active: boolean; endsAt: Date | null };

export type OfferStatus = "active" | "paused" | "ended";

/** Paused wins over ended: a paused offer stays paused whatever its end date says. */
export function offerStatus(offer: OfferState, now: Date): OfferStatus {
  if (!offer.active) return "paused";
  if (offer.endsAt && offer.endsAt <= now) return "ended";
  return "active";
}

const labels = { active: "Active", paused: "Paused", ended: "Ended" } as const;
const tones = { active: "brand", paused: "neutral", ended: "warning" } as const;

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  return <Badge tone={tones[status]}>{labels[status]}</Badge>;
}

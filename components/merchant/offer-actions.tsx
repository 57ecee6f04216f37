"use client";

import type { OfferStatus } from "@/lib/offers";
import { endOfferAction } from "@/lib/actions/merchant/end-offer";
import { pauseOfferAction } from "@/lib/actions/merchant/pause-offer";
import { resumeOfferAction } from "@/lib/actions/merchant/resume-offer";
import { ButtonLink } from "@/components/ui/button";
import { OfferStateButton } from "./offer-state-button";

type Props = { merchantId: string; offer: { id: string; title: string; status: OfferStatus } };

/** What an owner can do with an offer in its state; an ended offer is history. */
export function OfferActions({ merchantId, offer }: Props) {
  if (offer.status === "ended") return <span className="text-slate-500">—</span>;
  const common = { merchantId, offerId: offer.id, offerTitle: offer.title };
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ButtonLink href={`/merchant/offers/${offer.id}/edit`} size="sm" variant="secondary">
        Edit<span className="sr-only"> {offer.title}</span>
      </ButtonLink>
      {offer.status === "paused" ? (
        <OfferStateButton
          {...common}
          action={resumeOfferAction}
          label="Resume"
          pendingLabel="Resuming…"
          tone="brand"
          question={`Resume “${offer.title}”? Drivers see it again and can redeem it within its dates.`}
        />
      ) : (
        <OfferStateButton
          {...common}
          action={pauseOfferAction}
          label="Pause"
          pendingLabel="Pausing…"
          tone="brand"
          question={`Pause “${offer.title}”? Drivers stop seeing it until you resume it. Codes already issued stay valid.`}
        />
      )}
      <OfferStateButton
        {...common}
        action={endOfferAction}
        label="End"
        pendingLabel="Ending…"
        question={`End “${offer.title}” now? This cannot be undone: it cannot be resumed or edited. Codes already issued stay valid.`}
      />
    </div>
  );
}

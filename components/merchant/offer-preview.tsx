"use client";

import type { OfferCard as OfferCardData } from "@/lib/discovery";
import { OfferCard } from "@/components/driver/offer-card";
import { formatDateTime } from "@/components/ui/format";

export type PreviewMerchant = OfferCardData["merchant"];
type Props = {
  merchant: PreviewMerchant;
  title: string;
  description: string;
  novaPrice: string;
  startsAt: string;
  endsAt: string;
  unlockOnly: boolean;
};

const validDate = (iso: string) => (iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso) : null);

/** The driver's own offer card fed with what is typed so far; its redeem link does nothing here. */
export function OfferPreview({ merchant, title, description, novaPrice, startsAt, endsAt, unlockOnly }: Props) {
  const price = /^[0-9]+$/.test(novaPrice) ? Number(novaPrice) : 0;
  const start = validDate(startsAt);
  const offer: OfferCardData = {
    id: "preview",
    title: title.trim() || "Your offer’s title",
    description: description.trim(),
    novaPrice: price,
    endsAt: validDate(endsAt),
    merchant,
    unlockedBy: unlockOnly ? "a campaign" : null,
  };
  return (
    <section aria-labelledby="offer-preview-heading" className="space-y-2">
      <h2 id="offer-preview-heading" className="text-sm font-semibold text-slate-900">
        Preview: what drivers see
      </h2>
      {/* a preview, not a way out: its redeem link does nothing here (it stays readable to screen readers) */}
      <ul className="list-none" aria-label="Offer preview" onClickCapture={(e) => e.preventDefault()}>
        <OfferCard offer={offer} redeem={null} />
      </ul>
      <p className="text-xs text-slate-500">
        {unlockOnly
          ? "Only drivers a campaign unlocks it for see it, and only they can redeem it."
          : start && start > new Date()
            ? `Drivers see it from ${formatDateTime(start)}, while your business is active.`
            : "Drivers see it as soon as you save, while your business is active."}
      </p>
    </section>
  );
}

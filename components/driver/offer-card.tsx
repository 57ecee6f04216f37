import type { OfferCard as Offer } from "@/lib/discovery";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";

/** A live offer as a driver sees it: what, where, and its price in Nova. */
export function OfferCard({ offer }: { offer: Offer }) {
  return (
    <Card as="li" className="flex flex-col">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-900">
            {offer.title}
          </h3>
          <p className="text-sm text-slate-600">
            {offer.merchant.name} <span className="text-slate-400">· {offer.merchant.category}</span>
          </p>
        </div>
        <span className="shrink-0 rounded-full bg-brand-600 px-3 py-1 text-sm font-semibold text-white">
          <NovaAmount amount={offer.novaPrice} starClassName="text-brand-100" />
        </span>
      </div>
      {offer.description ? <p className="mt-2 text-sm text-slate-700">{offer.description}</p> : null}
      <p className="mt-3 text-xs text-slate-500">
        {offer.merchant.address}
        {offer.endsAt ? (
          <>
            {" · "}Ends <time dateTime={offer.endsAt.toISOString()}>{formatDate(offer.endsAt)}</time>
          </>
        ) : null}
      </p>
    </Card>
  );
}

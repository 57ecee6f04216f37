import type { OfferCard as Offer } from "@/lib/discovery";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { RedeemOfferButton } from "./redeem-offer-button";

/** Signed in: the redeem form's server-made idempotency key and hold time. Signed out: null. */
export type RedeemContext = { idempotencyKey: string; holdMinutes: number } | null;

/** A live offer as a driver sees it: what, where, its price in Nova, and a way to redeem it. */
export function OfferCard({ offer, redeem }: { offer: Offer; redeem: RedeemContext }) {
  return (
    <Card as="li" className="flex flex-col">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-900">{offer.title}</h3>
          <p className="text-sm text-slate-600">
            {offer.merchant.name} <span className="text-slate-500">· {offer.merchant.category}</span>
          </p>
        </div>
        <span className="shrink-0 rounded-full bg-brand-700 px-3 py-1 text-sm font-semibold text-white">
          <NovaAmount amount={offer.novaPrice} starClassName="text-brand-100" />
        </span>
      </div>
      {offer.unlockedBy ? (
        <p className="mt-2">
          <Badge tone="brand">Unlocked by {offer.unlockedBy}</Badge>
        </p>
      ) : null}
      {offer.description ? <p className="mt-2 text-sm text-slate-700">{offer.description}</p> : null}
      <p className="mt-3 text-xs text-slate-500">
        {offer.merchant.address}
        {offer.endsAt ? (
          <>
            {" · "}Ends <time dateTime={offer.endsAt.toISOString()}>{formatDate(offer.endsAt)}</time>
          </>
        ) : null}
      </p>
      <div className="mt-auto pt-4">
        {redeem ? (
          <RedeemOfferButton
            offerId={offer.id}
            offerTitle={offer.title}
            nova={offer.novaPrice}
            holdMinutes={redeem.holdMinutes}
            idempotencyKey={redeem.idempotencyKey}
          />
        ) : (
          <ButtonLink href="/signin?callbackUrl=/app" variant="secondary" className="w-full">
            <span>
              Redeem<span className="sr-only"> {offer.title}</span> for <NovaAmount amount={offer.novaPrice} compact />
            </span>
          </ButtonLink>
        )}
      </div>
    </Card>
  );
}

import type { ManagedOffer } from "@/lib/offers";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatDateTime } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { OfferActions } from "./offer-actions";
import { OfferStatusBadge } from "./offer-status-badge";

type Props = { offers: ManagedOffer[]; merchantId: string; canManage: boolean };

/** The merchant's offers: price, status, window, redemptions against the limit, and (for owners) actions. */
export function ManagedOffersTable({ offers, merchantId, canManage }: Props) {
  return (
    <Table caption="Your offers">
      <thead>
        <tr>
          <Th>Offer</Th>
          <Th>Price</Th>
          <Th>Status</Th>
          <Th>Runs</Th>
          <Th className="text-right">Redeemed</Th>
          {canManage ? <Th>Actions</Th> : null}
        </tr>
      </thead>
      <TBody>
        {offers.map((offer) => (
          <tr key={offer.id}>
            <Td className="min-w-48 font-medium whitespace-normal text-slate-900">
              {offer.title}
              {offer.unlockOnly ? (
                <span className="mt-1 block">
                  <Badge tone="info">Campaign only</Badge>
                </span>
              ) : null}
            </Td>
            <Td>
              <NovaAmount amount={offer.novaPrice} />
            </Td>
            <Td>
              <OfferStatusBadge status={offer.status} />
            </Td>
            <Td className="text-slate-600">
              <time dateTime={offer.startsAt.toISOString()}>{formatDateTime(offer.startsAt)}</time>
              {" – "}
              {offer.endsAt ? (
                <time dateTime={offer.endsAt.toISOString()}>{formatDateTime(offer.endsAt)}</time>
              ) : (
                <span className="text-slate-500">no end</span>
              )}
            </Td>
            <Td className="text-right tabular-nums">
              {formatCount(offer.redeemed)}
              {offer.totalLimit !== null ? ` / ${formatCount(offer.totalLimit)}` : null}
            </Td>
            {canManage ? (
              <Td className="min-w-72">
                <OfferActions merchantId={merchantId} offer={offer} />
              </Td>
            ) : null}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

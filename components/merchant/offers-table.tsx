import type { MerchantDashboard } from "@/lib/merchants";
import { formatCount, formatDate } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { OfferStatusBadge, offerStatus } from "./offer-status-badge";

type Props = { offers: MerchantDashboard["offers"]; now: Date };

/** The merchant's offers: price, status, end date and confirmed redemptions. */
export function OffersTable({ offers, now }: Props) {
  return (
    <Table caption="Your offers">
      <thead>
        <tr>
          <Th>Offer</Th>
          <Th>Price</Th>
          <Th>Status</Th>
          <Th>Ends</Th>
          <Th className="text-right">Redemptions</Th>
        </tr>
      </thead>
      <TBody>
        {offers.map((offer) => (
          <tr key={offer.id}>
            <Td className="min-w-48 font-medium whitespace-normal text-slate-900">{offer.title}</Td>
            <Td>
              <NovaAmount amount={offer.novaPrice} />
            </Td>
            <Td>
              <OfferStatusBadge status={offerStatus(offer, now)} />
            </Td>
            <Td>
              {offer.endsAt ? (
                <time dateTime={offer.endsAt.toISOString()}>{formatDate(offer.endsAt)}</time>
              ) : (
                <span className="text-slate-500">No end date</span>
              )}
            </Td>
            <Td className="text-right tabular-nums">{formatCount(offer.redemptions)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

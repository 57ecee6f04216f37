import Link from "next/link";
import type { TopMerchant } from "@/lib/admin";
import { formatCount, formatUsd } from "@/components/ui/format";
import { MerchantStatusBadge } from "@/components/ui/merchant-status-badge";
import { Table, TBody, Td, Th } from "@/components/ui/table";

/** The merchants drivers spent the most Nova at, with the purchase rewards they paid. */
export function TopMerchantsTable({ merchants }: { merchants: TopMerchant[] }) {
  return (
    <Table caption="Top merchants in the range">
      <thead>
        <tr>
          <Th>Merchant</Th>
          <Th>Status</Th>
          <Th className="text-right">Nova redeemed</Th>
          <Th className="text-right">Purchase rewards paid</Th>
        </tr>
      </thead>
      <TBody>
        {merchants.map((m) => (
          <tr key={m.id}>
            <Td>
              <Link href={`/admin/merchants/${m.id}`} className="font-medium text-brand-700 hover:underline">
                {m.name}
              </Link>
            </Td>
            <Td>
              <MerchantStatusBadge status={m.status} />
            </Td>
            <Td className="text-right tabular-nums">{formatCount(m.novaRedeemed)}</Td>
            <Td className="text-right tabular-nums">{formatUsd(m.purchaseRewardCents)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

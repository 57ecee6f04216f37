import Link from "next/link";
import type { AdminOverview } from "@/lib/admin";
import { formatDate } from "@/components/ui/format";
import { MerchantStatusBadge } from "@/components/ui/merchant-status-badge";
import { Table, TBody, Td, Th } from "@/components/ui/table";

/** Merchants with their program status and when they joined. */
export function MerchantsTable({
  merchants,
  caption,
}: {
  merchants: AdminOverview["recentMerchants"];
  caption: string;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Merchant</Th>
          <Th>Category</Th>
          <Th>Status</Th>
          <Th>Joined</Th>
        </tr>
      </thead>
      <TBody>
        {merchants.map((m) => (
          <tr key={m.id}>
            <Td className="min-w-48 font-medium whitespace-normal text-slate-900">
              <Link href={`/admin/merchants/${m.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                {m.name}
              </Link>
            </Td>
            <Td>{m.category}</Td>
            <Td>
              <MerchantStatusBadge status={m.status} />
            </Td>
            <Td>
              <time dateTime={m.createdAt.toISOString()}>{formatDate(m.createdAt)}</time>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

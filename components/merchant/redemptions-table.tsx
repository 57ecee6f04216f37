import { formatDateTime } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { Table, TBody, Td, Th } from "@/components/ui/table";

type Redemption = { id: string; novaAmount: number; settledAt: Date | null; offer: { title: string } };

/** Confirmed codes, newest first: which offer, how much Nova, when. */
export function RedemptionsTable({ redemptions }: { redemptions: Redemption[] }) {
  return (
    <Table caption="Recent confirmations">
      <thead>
        <tr>
          <Th>Offer</Th>
          <Th className="text-right">Nova</Th>
          <Th>Confirmed</Th>
        </tr>
      </thead>
      <TBody>
        {redemptions.map((r) => (
          <tr key={r.id}>
            <Td className="min-w-48 font-medium whitespace-normal text-slate-900">{r.offer.title}</Td>
            <Td className="text-right">
              <NovaAmount amount={r.novaAmount} compact />
            </Td>
            <Td className="text-slate-500">
              {r.settledAt ? <time dateTime={r.settledAt.toISOString()}>{formatDateTime(r.settledAt)}</time> : "—"}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

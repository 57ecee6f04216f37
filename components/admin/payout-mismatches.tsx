import { CircleCheckIcon } from "lucide-react";
import Link from "next/link";
import type { listPayoutMismatches } from "@/lib/payouts";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";

type Mismatch = Awaited<ReturnType<typeof listPayoutMismatches>>[number];

/** What the daily reconciliation found between Stripe and us that nobody has resolved yet. */
export function PayoutMismatches({ rows }: { rows: Mismatch[] }) {
  if (rows.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm font-medium text-brand-800">
        <CircleCheckIcon className="size-4" aria-hidden="true" />
        No mismatches: Stripe and our records agree.
      </p>
    );
  }
  return (
    <Table caption="Unresolved reconciliation mismatches">
      <thead>
        <tr>
          <Th>Found</Th>
          <Th>Kind</Th>
          <Th>Detail</Th>
          <Th>Payout</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((m) => (
          <tr key={m.id} className="align-top">
            <Td>
              <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
              <span className="block text-xs text-slate-500">Run of {m.runDay}</span>
            </Td>
            <Td>
              <code className="font-mono text-xs">{m.kind}</code>
            </Td>
            <Td className="max-w-96 min-w-64 break-words whitespace-normal">{m.detail}</Td>
            <Td>
              {m.payoutId ? (
                <Link
                  href={`/admin/payouts/${m.payoutId}`}
                  className="font-medium text-brand-800 underline underline-offset-4"
                >
                  Open<span className="sr-only"> payout {m.payoutId}</span>
                </Link>
              ) : (
                <code className="font-mono text-xs break-all text-slate-600">{m.subject}</code>
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

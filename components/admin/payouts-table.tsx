import Link from "next/link";
import type { listPayouts } from "@/lib/payouts";
import { formatDateTime, formatUsd } from "@/components/ui/format";
import { PayoutStateBadge } from "@/components/ui/payout-state-badge";
import { Table, TBody, Td, Th } from "@/components/ui/table";

export type AdminPayoutRow = Awaited<ReturnType<typeof listPayouts>>["rows"][number];

/** Payouts, newest first, each linking to its facts and timeline. */
export function PayoutsTable({ rows }: { rows: AdminPayoutRow[] }) {
  return (
    <Table caption="Payouts">
      <thead>
        <tr>
          <Th>Created</Th>
          <Th>Driver</Th>
          <Th className="text-right">Amount</Th>
          <Th className="text-right">Fee</Th>
          <Th>Method</Th>
          <Th>State</Th>
          <Th>Last error</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((p) => (
          <tr key={p.id} className="align-top">
            <Td>
              <Link
                href={`/admin/payouts/${p.id}`}
                className="font-medium text-brand-800 underline-offset-4 hover:underline"
              >
                <time dateTime={p.createdAt.toISOString()}>{formatDateTime(p.createdAt)}</time>
                <span className="sr-only">: payout of {formatUsd(p.amountCents)}</span>
              </Link>
            </Td>
            <Td className="max-w-72 min-w-56 whitespace-normal">
              <span className="block break-all text-slate-900">{p.user.email ?? p.user.name ?? p.user.id}</span>
              {p.user.email && p.user.name ? <span className="block text-xs text-slate-500">{p.user.name}</span> : null}
            </Td>
            <Td className="text-right tabular-nums">{formatUsd(p.amountCents)}</Td>
            <Td className="text-right text-slate-500 tabular-nums">{p.feeCents > 0 ? formatUsd(p.feeCents) : "—"}</Td>
            <Td>{p.method === "INSTANT" ? "Instant" : "Standard"}</Td>
            <Td>
              <PayoutStateBadge state={p.state} />
            </Td>
            <Td className="max-w-80 min-w-48 whitespace-normal text-slate-600">
              {p.lastError || p.failureCode ? (
                <span className="line-clamp-2 break-words">
                  {p.failureCode ? <code className="mr-1 font-mono text-xs">{p.failureCode}</code> : null}
                  {p.lastError}
                </span>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

import { BanknoteIcon } from "lucide-react";
import Link from "next/link";
import { expectedArrivalText, type CashOutRow } from "@/lib/payouts";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime, formatUsd } from "@/components/ui/format";
import { PayoutStateBadge } from "@/components/ui/payout-state-badge";
import { capitalize } from "./cash-out-amount";

const methodWords = { STANDARD: "Standard", INSTANT: "Instant" } as const;

/** The driver's cash-outs, newest first, each opening its own page with the timeline. */
export function CashOutHistory({ rows, paused = false }: { rows: CashOutRow[]; paused?: boolean }) {
  if (rows.length === 0) {
    return (
      <EmptyState
        level={3}
        icon={<BanknoteIcon className="size-6" />}
        title="No cash-outs yet"
        description="Each time you cash out, it is listed here with where it is on its way to your bank."
      />
    );
  }
  return (
    <ul className="space-y-3">
      {rows.map((row) => (
        <li key={row.id}>
          <Link
            href={`/app/cash-out/${row.id}`}
            className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300 hover:bg-brand-50/40"
          >
            <span className="flex items-baseline justify-between gap-3">
              <span className="font-semibold text-slate-900 tabular-nums">
                {formatUsd(row.amountCents)}
                <span className="font-normal text-slate-600"> · {methodWords[row.method]}</span>
              </span>
              <time className="shrink-0 text-sm text-slate-500" dateTime={row.createdAt.toISOString()}>
                {formatDate(row.createdAt)}
              </time>
            </span>
            <span className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <PayoutStateBadge state={row.state} label={row.stateWords} />
              <Outcome row={row} paused={paused} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Outcome({ row, paused }: { row: CashOutRow; paused: boolean }) {
  // held at home by the kill switch: nothing has been sent yet
  if (paused && row.state === "REQUESTED")
    return <span className="text-slate-600">Waiting: sent once cash-out is back on</span>;
  if (row.failureReason) return <span className="block w-full text-rose-800">{row.failureReason}</span>;
  if (row.state === "PAID" || row.state === "RETURNED") return null;
  return <span className="text-slate-600">{arrivalInWords(row)}</span>;
}

/** "Expected by Mar 3, 2026" (a time too for instant), or the usual wait until Stripe gives a date. */
export function arrivalInWords(row: Pick<CashOutRow, "method" | "expectedArrival">) {
  if (!row.expectedArrival) return capitalize(expectedArrivalText(row.method));
  const when = row.method === "INSTANT" ? formatDateTime(row.expectedArrival) : formatDate(row.expectedArrival);
  return `Expected by ${when}`;
}

import Link from "next/link";
import type { SpendReportRow } from "@/lib/merchants";
import { formatDateTime, formatNova } from "@/components/ui/format";

/** Payments drivers reported as "not me", newest first; each links to its transaction (reverse it there). */
export function SpendReportsList({ reports }: { reports: SpendReportRow[] }) {
  return (
    <ol
      aria-label="Reported payments"
      className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      {reports.map((r) => (
        <li key={r.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
          <div className="min-w-0 flex-1">
            <Link
              href={`/admin/ledger/${r.transactionId}`}
              className="text-sm font-medium break-words text-brand-700 hover:underline"
            >
              {formatNova(r.nova)} at {r.merchant}
            </Link>
            <p className="text-xs break-words text-slate-500">
              Reported by {r.driver}
              {r.reversed ? " · reversed" : null}
            </p>
          </div>
          <time dateTime={r.createdAt.toISOString()} className="shrink-0 text-xs text-slate-500 tabular-nums">
            {formatDateTime(r.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}

import { EntryStateBadge } from "@/components/ledger/entry-state-badge";
import { SignedAmount } from "@/components/ledger/signed-amount";
import { formatCount, formatDateTime, formatUsd } from "@/components/ui/format";
import { ReportSpendButton } from "./report-spend-button";
import type { WalletActivity } from "./wallet-activity";

type WalletActivityListProps = {
  activity: WalletActivity[];
  /** Payments the driver has already reported as "not me". */
  reported?: ReadonlySet<string>;
};

/** The driver's statement as a phone-friendly list: reason, when, state, amount; a direct spend can be reported. */
export function WalletActivityList({ activity, reported = new Set() }: WalletActivityListProps) {
  return (
    <ol
      aria-label="Wallet activity"
      className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      {activity.map((a) => (
        <li
          key={a.transactionId}
          id={a.type === "DIRECT_SPEND" ? `tx-${a.transactionId}` : undefined}
          className="flex items-start gap-3 px-4 py-3"
        >
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium break-words text-slate-900">{a.reason}</p>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              <EntryStateBadge state={a.state} />
              <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time>
            </p>
            {a.type === "DIRECT_SPEND" && a.state === "spent" ? (
              reported.has(a.transactionId) ? (
                <p role="status" className="mt-1 text-xs font-medium text-slate-700">
                  Reported: our team is looking into it.
                </p>
              ) : (
                <ReportSpendButton transactionId={a.transactionId} reason={a.reason} />
              )
            ) : null}
          </div>
          <div className="shrink-0 pt-0.5 text-right text-sm">
            {a.net !== 0 ? (
              <SignedAmount amount={a.net} currency={a.currency} />
            ) : (
              <span className="whitespace-nowrap text-slate-600 tabular-nums">
                {a.currency === "NOVA" ? (
                  <>
                    <span aria-hidden="true">✦ </span>
                    {formatCount(a.moved)}
                    <span className="sr-only"> Nova</span>
                  </>
                ) : (
                  formatUsd(a.moved)
                )}{" "}
                {a.movedWord}
              </span>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

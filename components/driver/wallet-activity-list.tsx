import { EntryStateBadge } from "@/components/ledger/entry-state-badge";
import { SignedAmount } from "@/components/ledger/signed-amount";
import { formatCount, formatDateTime, formatUsd } from "@/components/ui/format";
import type { WalletActivity } from "./wallet-activity";

/** The driver's statement as a phone-friendly list: reason, when, state, amount. */
export function WalletActivityList({ activity }: { activity: WalletActivity[] }) {
  return (
    <ol
      aria-label="Wallet activity"
      className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      {activity.map((a) => (
        <li key={a.transactionId} className="flex items-start gap-3 px-4 py-3">
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium break-words text-slate-900">{a.reason}</p>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              <EntryStateBadge state={a.state} />
              <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time>
            </p>
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

import type { AdminOverview } from "@/lib/admin";
import { formatDateTime } from "@/components/ui/format";

/** Audit entries, newest first: what happened, who did it, to what, when. */
export function AuditList({ entries, label }: { entries: AdminOverview["recentAudit"]; label: string }) {
  return (
    <ol aria-label={label} className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
          <div className="min-w-0 flex-1">
            <p className="font-mono text-sm font-medium break-words text-slate-900">{entry.action}</p>
            <p className="text-xs text-slate-500">
              {entry.actor ?? "System"}
              {entry.targetType ? <> · {entry.targetType}</> : null}
            </p>
          </div>
          <time dateTime={entry.createdAt.toISOString()} className="shrink-0 text-xs text-slate-500 tabular-nums">
            {formatDateTime(entry.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}

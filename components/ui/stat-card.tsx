import type { ReactNode } from "react";
import { cn } from "./cn";

/** A description list of stat cards; put StatCard children inside. */
export function StatGrid({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <dl aria-label={label} className={cn("grid grid-cols-2 gap-3 lg:grid-cols-3", className)}>
      {children}
    </dl>
  );
}

type StatCardProps = { label: string; value: ReactNode; hint?: ReactNode; icon?: ReactNode };

/** One figure with its label. Must sit inside a StatGrid (it renders dt/dd). */
export function StatCard({ label, value, hint, icon }: StatCardProps) {
  return (
    <div className="flex flex-col rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="flex items-center gap-2 text-sm font-medium text-slate-600">
        {icon ? (
          <span className="text-brand-600" aria-hidden="true">
            {icon}
          </span>
        ) : null}
        {label}
      </dt>
      <dd className="mt-2 text-2xl font-semibold text-slate-900 tabular-nums">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

import type { ReactNode } from "react";

type EmptyStateProps = {
  title: string;
  /** Say what will appear here and how it gets there. */
  description: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  /** Heading level that keeps the page outline in order (2 under a page title, 3 inside a section). */
  level?: 2 | 3;
};

export function EmptyState({ title, description, icon, action, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      {icon ? (
        <div
          className="mb-4 grid size-12 place-items-center rounded-full bg-brand-50 text-brand-700"
          aria-hidden="true"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      <div className="mt-1 max-w-md text-sm text-slate-600">{description}</div>
      {action ? <div className="mt-5 flex flex-wrap items-center justify-center gap-3">{action}</div> : null}
    </div>
  );
}

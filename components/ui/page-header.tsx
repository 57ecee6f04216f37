import type { ReactNode } from "react";

type HeaderProps = { title: string; description?: ReactNode; actions?: ReactNode };

/** The page's one h1, with an optional line of context and actions on the right. */
export function PageHeader({ title, description, actions }: HeaderProps) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm break-words text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/** An h2 for a section of a page. Pass `id` and point the section's aria-labelledby at it. */
export function SectionHeader({ id, title, description, actions }: HeaderProps & { id?: string }) {
  return (
    <div className="mb-3 flex items-end justify-between gap-3">
      <div className="min-w-0">
        <h2 id={id} className="text-lg font-semibold break-words text-slate-900">
          {title}
        </h2>
        {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}

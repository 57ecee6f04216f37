import Link from "next/link";

/** Previous/next links for a paged list; the other query parameters are kept. */
export function Pager({
  page,
  pageSize,
  total,
  href,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** The page's address for page n. */
  href: (page: number) => string;
  label: string;
}) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  const link =
    "inline-flex h-10 items-center rounded-lg border border-slate-200 px-3 text-sm font-medium text-slate-700 hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-3 text-sm text-slate-600">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          Previous
        </Link>
      ) : null}
      <span>
        Page {page} of {last}
      </span>
      {page < last ? (
        <Link href={href(page + 1)} className={link} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}

/** A query string from the set values only. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

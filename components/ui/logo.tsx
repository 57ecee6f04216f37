import Link from "next/link";

/** The Nerava mark and name, linking to `href` (the surface's home). */
export function Logo({ href = "/", label }: { href?: string; label?: string }) {
  return (
    <Link href={href} className="flex shrink-0 items-center gap-2 rounded-lg font-semibold text-slate-900">
      <span
        className="grid size-8 place-items-center rounded-lg bg-brand-600 text-lg leading-none text-white"
        aria-hidden="true"
      >
        ✦
      </span>
      <span className="text-lg tracking-tight">Nerava</span>
      {label ? <span className="text-sm font-medium text-slate-500">{label}</span> : null}
    </Link>
  );
}

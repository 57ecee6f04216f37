import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";

/** "← Somewhere": the way up from a detail page. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link
      href={href}
      className="mb-3 -ml-2 inline-flex h-9 items-center gap-1 rounded-lg px-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      <ArrowLeftIcon className="size-4" />
      {children}
    </Link>
  );
}

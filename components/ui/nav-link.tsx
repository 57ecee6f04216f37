"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "./cn";

type NavLinkProps = {
  href: string;
  /** Match only this exact path (for a surface's home, e.g. /merchant). */
  exact?: boolean;
  /** Style the active state with `aria-[current=page]:` variants. */
  className?: string;
  children: ReactNode;
};

/**
 * A navigation link that marks itself aria-current="page" on its route and below it, with a bar
 * along its top while the page it leads to is on its way (pages without a loading skeleton, such
 * as the driver's Home and Charge, render whole on the server: the tap still shows progress).
 */
export function NavLink({ href, exact = false, className, children }: NavLinkProps) {
  const pathname = usePathname() ?? "";
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? "page" : undefined} className={cn("relative", className)}>
      {children}
      <PendingBar />
    </Link>
  );
}

/** Shown after a short delay, so a quick navigation does not flash it. */
function PendingBar() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      data-pending={pending || undefined}
      className={cn(
        "pointer-events-none absolute inset-x-3 top-0 h-0.5 rounded-full bg-brand-600 opacity-0",
        pending && "animate-pulse opacity-100 transition-opacity delay-100 duration-200",
      )}
    />
  );
}

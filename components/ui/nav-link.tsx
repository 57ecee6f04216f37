"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

type NavLinkProps = {
  href: string;
  /** Match only this exact path (for a surface's home, e.g. /merchant). */
  exact?: boolean;
  /** Style the active state with `aria-[current=page]:` variants. */
  className?: string;
  children: ReactNode;
};

/** A navigation link that marks itself aria-current="page" on its route and below it. */
export function NavLink({ href, exact = false, className, children }: NavLinkProps) {
  const pathname = usePathname() ?? "";
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? "page" : undefined} className={className}>
      {children}
    </Link>
  );
}

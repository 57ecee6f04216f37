import type { ReactNode } from "react";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { SandboxPill } from "./sandbox-pill";

export type ConsoleNavItem = { href: string; label: string; icon: ReactNode; exact?: boolean };

type ConsoleShellProps = {
  /** Surface name shown beside the logo and used to label the navigation ("Merchant", "Admin"). */
  surface: string;
  homeHref: string;
  /** Who or what the console is showing, e.g. the merchant's name. */
  context?: ReactNode;
  nav: ConsoleNavItem[];
  /** The signed-in person and their Account / Sign out controls, at the header's end. */
  account?: ReactNode;
  children: ReactNode;
};

/**
 * Layout for the laptop-first surfaces: a header, a left sidebar on desktop that becomes a
 * sideways-scrolling row of links on phones, and the page.
 */
export function ConsoleShell({ surface, homeHref, context, nav, account, children }: ConsoleShellProps) {
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="flex h-14 items-center gap-3 px-4 md:px-6">
          <Logo href={homeHref} label={surface} />
          <div className="ml-auto flex min-w-0 items-center gap-2">
            {context}
            <SandboxPill />
            {account ? (
              <>
                <span className="hidden h-6 w-px shrink-0 bg-slate-200 md:block" aria-hidden="true" />
                <div className="flex shrink-0 items-center">{account}</div>
              </>
            ) : null}
          </div>
        </div>
      </header>
      <div className="md:flex md:min-h-[calc(100dvh-3.5rem)]">
        {/* the white column spans the page's height (as tall as the main column); the links inside stay in view */}
        <div className="border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
          <nav
            aria-label={`${surface} sections`}
            className="md:sticky md:top-14 md:max-h-[calc(100dvh-3.5rem)] md:overflow-y-auto"
          >
            <ul className="flex gap-1 overflow-x-auto px-3 py-2 md:flex-col md:py-4">
              {nav.map((item) => (
                <li key={item.href} className="shrink-0">
                  <NavLink
                    href={item.href}
                    exact={item.exact}
                    className="group flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
                  >
                    <span className="text-slate-500 group-hover:text-slate-600 group-aria-[current=page]:text-brand-600">
                      {item.icon}
                    </span>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 md:px-8 md:py-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </div>
  );
}

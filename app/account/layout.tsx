import { ArrowRightIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentSession } from "@/lib/auth";
import { surfaceFor } from "@/components/account/surface-link";
import { Logo } from "@/components/ui/logo";
import { SandboxPill } from "@/components/ui/sandbox-pill";

export const metadata: Metadata = { title: { default: "Account", template: "%s · Nerava" } };

/** A plain shell for /account, with a way back to the person's own surface. The page checks access. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  const surface = session ? surfaceFor(session.user.role) : null;
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-3 px-4 sm:px-6">
          <Logo href={surface?.href ?? "/"} label="Account" />
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <SandboxPill />
            {surface ? (
              <Link
                href={surface.href}
                className="inline-flex items-center gap-1 rounded-lg px-2 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                <ArrowRightIcon className="size-4 rotate-180" />
                <span className="sr-only">Back to </span>
                {surface.label}
              </Link>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6 sm:px-6 md:py-10">
        {children}
      </main>
    </div>
  );
}

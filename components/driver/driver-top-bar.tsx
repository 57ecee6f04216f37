import { UserIcon } from "lucide-react";
import Link from "next/link";
import type { CurrentSession } from "@/lib/auth";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { SandboxPill } from "@/components/ui/sandbox-pill";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NovaBalanceLink } from "./nova-balance-link";

/**
 * Logo, sandbox label, then either "Sign in" or the available Nova balance, the notices (with
 * the unread count) and a link to the account.
 */
export function DriverTopBar({ user, unread = 0 }: { user: CurrentSession["user"] | null; unread?: number }) {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 pt-[env(safe-area-inset-top)] backdrop-blur">
      <div className="mx-auto flex h-14 max-w-2xl items-center gap-3 px-4">
        <Logo href="/app" />
        <SandboxPill />
        {user ? (
          <div className="ml-auto flex items-center gap-2">
            <NovaBalanceLink />
            <NotificationBell unread={unread} />
            <Link
              href="/app/account"
              className="grid size-9 shrink-0 place-items-center rounded-full bg-slate-100 text-slate-700 hover:bg-slate-200"
            >
              <UserIcon className="size-5" />
              <span className="sr-only">Account ({user.name ?? user.email ?? user.phone})</span>
            </Link>
          </div>
        ) : (
          <ButtonLink href="/signin?callbackUrl=/app" size="sm" className="ml-auto">
            Sign in
          </ButtonLink>
        )}
      </div>
    </header>
  );
}

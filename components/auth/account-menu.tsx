import { UserIcon } from "lucide-react";
import Link from "next/link";
import { HeaderMenu } from "./header-menu";
import { SignOutButton } from "./sign-out-button";

/**
 * The signed-in person in a console header: name, Account and Sign out inline on wide screens,
 * folded into a small menu on phones, where the header has no room for them.
 */
export function AccountMenu({ who, accountHref = "/account" }: { who: string; accountHref?: string }) {
  const summary = (
    <summary className="grid size-9 cursor-pointer list-none place-items-center rounded-full bg-slate-100 text-slate-700 group-open:bg-brand-50 group-open:text-brand-800 hover:bg-slate-200 [&::-webkit-details-marker]:hidden">
      <UserIcon className="size-5" />
      <span className="sr-only">Account menu</span>
    </summary>
  );
  return (
    <>
      <div className="hidden items-center gap-1 md:flex">
        <span className="max-w-48 truncate px-1 text-sm text-slate-600" title={who}>
          <span className="sr-only">Signed in as </span>
          {who}
        </span>
        <Link
          href={accountHref}
          className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Account
        </Link>
        <SignOutButton />
      </div>

      <HeaderMenu className="md:hidden" summary={summary}>
        <div className="absolute top-full right-0 z-40 mt-2 w-60 rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
          <p className="px-4 pt-1 pb-2 text-xs text-slate-500">
            Signed in as
            <span className="block truncate text-sm font-medium text-slate-900">{who}</span>
          </p>
          <Link
            href={accountHref}
            className="flex h-10 items-center rounded-lg px-4 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            Account
          </Link>
          <SignOutButton size="md" className="w-full justify-start" formClassName="flex w-full flex-col" />
        </div>
      </HeaderMenu>
    </>
  );
}

/** What to call the signed-in person in headers: name, else email, else phone. */
export function displayName(user: { name: string | null; email: string | null; phone: string | null }): string {
  return user.name ?? user.email ?? user.phone ?? "Your account";
}

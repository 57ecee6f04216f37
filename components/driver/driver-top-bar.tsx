import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { NovaAmount } from "@/components/ui/nova-amount";
import { SandboxPill } from "@/components/ui/sandbox-pill";

/** Logo, sandbox label and the Nova balance (0 until the ledger and sign-in arrive). */
export function DriverTopBar() {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 pt-[env(safe-area-inset-top)] backdrop-blur">
      <div className="mx-auto flex h-14 max-w-2xl items-center gap-3 px-4">
        <Logo href="/app" />
        <SandboxPill />
        <Link
          href="/app/wallet"
          className="ml-auto rounded-full bg-brand-50 px-3 py-1.5 text-sm font-semibold text-brand-900 ring-1 ring-brand-200 ring-inset hover:bg-brand-100"
        >
          <span className="sr-only">Nova balance: </span>
          <NovaAmount amount={0} compact />
        </Link>
      </div>
    </header>
  );
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { actorOf, getCurrentSession } from "@/lib/auth";
import { getBalances } from "@/lib/ledger";
import { DriverTabBar } from "@/components/driver/driver-tab-bar";
import { DriverTopBar } from "@/components/driver/driver-top-bar";

export const metadata: Metadata = { title: { default: "Driver", template: "%s · Nerava" } };

/**
 * Driver PWA shell: top bar, bottom tabs on phones (top tabs on desktop), narrow content.
 * Home is public; the wallet, car and account pages each require a signed-in driver.
 */
export default async function DriverLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  const balances = session
    ? await getBalances(actorOf(session), { ownerType: "DRIVER", ownerId: session.user.id })
    : null;
  return (
    <div className="min-h-dvh">
      <DriverTopBar user={session?.user ?? null} nova={balances ? Number(balances.nova.available) : 0} />
      <DriverTabBar />
      <main id="main" className="mx-auto max-w-2xl px-4 pt-6 pb-[calc(6rem+env(safe-area-inset-bottom))] md:pb-12">
        {children}
      </main>
    </div>
  );
}

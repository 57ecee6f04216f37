import type { Metadata } from "next";
import type { ReactNode } from "react";
import { actorOf, getCurrentSession } from "@/lib/auth";
import { getDriverBalances } from "@/lib/ledger";
import { releaseExpiredHolds } from "@/lib/merchants";
import { countUnreadNotifications } from "@/lib/notifications";
import { DriverTabBar } from "@/components/driver/driver-tab-bar";
import { DriverTopBar } from "@/components/driver/driver-top-bar";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { HydrateQueries } from "@/components/driver/queries/hydrate-queries";
import { DriverQueryProvider } from "@/components/driver/queries/query-provider";
import { ServiceWorker } from "@/components/pwa/service-worker";

export const metadata: Metadata = { title: { default: "Driver", template: "%s · Nerava" } };

/**
 * Driver PWA shell: top bar, bottom tabs on phones (top tabs on desktop), narrow content, and
 * the query cache the live parts poll through. Home is public; the wallet, car and account pages
 * each require a signed-in driver. The service worker registers here (offline page, update prompt).
 */
export default async function DriverLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  // expired holds go back first, so the top bar's balance agrees with the wallet's
  const [balances, unread] = session
    ? await Promise.all([
        releaseExpiredHolds({ actor: actorOf(session) }).then(() => getDriverBalances(actorOf(session))),
        countUnreadNotifications(actorOf(session)),
      ])
    : [null, 0];
  return (
    <DriverQueryProvider>
      <HydrateQueries entries={balances ? [[driverQueryKeys.balances, balances]] : []}>
        <div className="min-h-dvh">
          <DriverTopBar user={session?.user ?? null} unread={unread} />
          <DriverTabBar />
          <main id="main" className="mx-auto max-w-2xl px-4 pt-6 pb-[calc(6rem+env(safe-area-inset-bottom))] md:pb-12">
            {children}
          </main>
          <ServiceWorker />
        </div>
      </HydrateQueries>
    </DriverQueryProvider>
  );
}

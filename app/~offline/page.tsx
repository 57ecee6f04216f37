import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "You are offline", robots: { index: false } };

/**
 * What the service worker shows when a page cannot load (lib/pwa/sw.ts). Precached at install, so
 * it must stay the same for everyone: no session, no balance, nothing personal.
 */
export default function OfflinePage() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-16">
      <div className="max-w-md text-center">
        <div className="flex justify-center">
          <Logo href="/app" />
        </div>
        <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900">You are offline</h1>
        <p className="mt-2 text-slate-600">
          Nerava needs a connection to show chargers, your balance and your codes. They are never stored on this device,
          so what you see next is up to date.
        </p>
        <div className="mt-6 flex justify-center">
          <ButtonLink href="/app" prefetch={false}>
            Try again
          </ButtonLink>
        </div>
      </div>
    </main>
  );
}

import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-16">
      <div className="max-w-md text-center">
        <div className="flex justify-center">
          <Logo href="/" />
        </div>
        <p className="mt-8 text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">We couldn’t find that page</h1>
        <p className="mt-2 text-slate-600">The link may be old, or the page may have moved.</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <ButtonLink href="/">Nerava home</ButtonLink>
          <ButtonLink href="/app" variant="secondary">
            Driver app
          </ButtonLink>
        </div>
      </div>
    </main>
  );
}

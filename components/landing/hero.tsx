import { ArrowRightIcon } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";

export function Hero() {
  return (
    <section aria-labelledby="hero-heading" className="bg-linear-to-b from-brand-50 to-slate-50">
      <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
        <p className="text-sm font-semibold text-brand-700">Rewards for EV charging</p>
        <h1
          id="hero-heading"
          className="mt-2 max-w-3xl text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl"
        >
          Charge your car, earn rewards at the shops beside the charger.
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600">
          Every verified charge near a partner earns you <span className="font-medium text-slate-900">✦ Nova</span> and
          cash. Spend Nova at the café next door, or cash out to your bank.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/app" size="lg">
            Open the driver app
            <ArrowRightIcon className="size-4" />
          </ButtonLink>
          <ButtonLink href="/merchant" size="lg" variant="secondary">
            I run a business
          </ButtonLink>
        </div>
      </div>
    </section>
  );
}

// Shared steps for the Stripe sandbox tests: accounts made through the real SDK, failures caught.
import type Stripe from "stripe";
import type { FakeStripe } from "../fakes/stripe";
import type { OnboardInput } from "@/lib/integrations/stripe/sandbox/server";

export const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: unknown) => err as Stripe.errors.StripeError,
  );

/** A fresh Express-style account as the app creates it (transfers requested, not onboarded). */
export function createConnectedAccount(stripe: Stripe, metadata: Record<string, string> = {}) {
  return stripe.accounts.create({
    controller: {
      fees: { payer: "application" },
      losses: { payments: "application" },
      stripe_dashboard: { type: "express" },
      requirement_collection: "stripe",
    },
    capabilities: { transfers: { requested: true } },
    business_type: "individual",
    email: "driver@nerava.demo",
    metadata,
  });
}

/** An onboarded account, funded with `cents` by a platform transfer when asked. */
export async function readyAccount(fake: FakeStripe, stripe: Stripe, opts: OnboardInput & { cents?: number } = {}) {
  const account = await createConnectedAccount(stripe);
  fake.control.onboard(account.id, opts);
  if (opts.cents) await stripe.transfers.create({ amount: opts.cents, currency: "usd", destination: account.id });
  return account.id;
}

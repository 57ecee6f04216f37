export { stripeClient, expectsLivemode, Stripe } from "./client";
export { outcomeOf, type CallOutcome } from "./outcome";
export { timedCall } from "./metrics";

import "server-only";
import Stripe from "stripe";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

const globalForStripe = globalThis as unknown as { nervaStripe?: { key: string; base?: string; client: Stripe } };

// Money calls wait longer than reads elsewhere: an answer we never get leaves a payout "unknown".
const TIMEOUT_MS = 20_000;

/**
 * The official SDK, pointed at Stripe, or at STRIPE_API_BASE (the sandbox twin in `npm run dev`,
 * the fake in tests). One instance per process and key, so dev reloads keep its agent.
 */
export function stripeClient(): Stripe {
  const env = config();
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new AppError("not_configured", "Cash-out is not set up on this server.");
  const cached = globalForStripe.nervaStripe;
  if (cached && cached.key === key && cached.base === env.STRIPE_API_BASE) return cached.client;
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : undefined;
  const client = new Stripe(key, {
    maxNetworkRetries: env.STRIPE_MAX_NETWORK_RETRIES,
    timeout: TIMEOUT_MS,
    appInfo: { name: "Nerava" },
    ...(base && {
      host: base.hostname,
      port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
      protocol: base.protocol === "https:" ? "https" : "http",
    }),
  });
  globalForStripe.nervaStripe = { key, base: env.STRIPE_API_BASE, client };
  return client;
}

/** Test keys make test-mode objects and events; live keys live ones. Events of the other mode are refused. */
export const expectsLivemode = () => (config().STRIPE_SECRET_KEY ?? "").startsWith("sk_live_");

export { Stripe };

// The Stripe fake for tests: the app's sandbox server (lib/integrations/stripe/sandbox) with a fault
// queue, payouts settled only when a test says so, and fast webhook retries.
import Stripe from "stripe";
import {
  startStripeSandbox,
  type Fault,
  type StripeSandbox,
  type StripeSandboxOptions,
} from "@/lib/integrations/stripe/sandbox/server";

export type FaultRule = {
  /** Any method when absent. */
  method?: "GET" | "POST";
  path: RegExp;
  /** How many matching requests suffer it (1 unless given). */
  times?: number;
  kind: Fault;
};

export type FakeStripeOptions = Partial<Omit<StripeSandboxOptions, "intercept">>;

export type FakeStripe = StripeSandbox & {
  secretKey: string;
  faults: {
    /** Queues a fault; rules apply in the order queued, each to the next `times` matching requests. */
    next(rule: FaultRule): void;
    clear(): void;
    /** Rules not yet used up. */
    pending(): number;
  };
  /** The real SDK pointed at this fake (no retries unless `config` asks). */
  client(config?: Stripe.StripeConfig): Stripe;
};

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? "sk_test_fake_stripe";
  const rules: Array<Required<Omit<FaultRule, "method">> & { method?: string }> = [];
  const sandbox = await startStripeSandbox({
    settle: { mode: "manual" },
    webhookRetryDelaysMs: [20, 50, 100],
    ...options,
    secretKey,
    intercept({ method, path }) {
      const rule = rules.find((r) => (!r.method || r.method === method) && r.path.test(path));
      if (!rule) return undefined;
      if (--rule.times === 0) rules.splice(rules.indexOf(rule), 1);
      return rule.kind;
    },
  });
  return {
    ...sandbox,
    secretKey,
    faults: {
      next: (rule) => void rules.push({ times: 1, ...rule }),
      clear: () => void rules.splice(0),
      pending: () => rules.length,
    },
    client: (config = {}) =>
      new Stripe(secretKey, {
        host: "127.0.0.1",
        port: sandbox.port,
        protocol: "http",
        maxNetworkRetries: 0,
        ...config,
      }),
  };
}

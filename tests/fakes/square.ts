// The Square fake for tests: the app's sandbox server (lib/integrations/square/sandbox) with a fault
// queue and fast webhook retries, reached through the real `square` SDK with retries off.
import { SquareClient } from "square";
import {
  startSquareSandbox,
  type Fault,
  type SquareSandbox,
  type SquareSandboxOptions,
} from "@/lib/integrations/square/sandbox/server";

export type FaultRule = {
  /** Any method when absent. */
  method?: "GET" | "POST";
  path: RegExp;
  /** How many matching requests suffer it (1 unless given). */
  times?: number;
  kind: Fault;
};

export type FakeSquareOptions = Partial<Omit<SquareSandboxOptions, "intercept">>;

export type FakeSquare = SquareSandbox & {
  applicationId: string;
  applicationSecret: string;
  faults: {
    /** Queues a fault; rules apply in the order queued, each to the next `times` matching requests. */
    next(rule: FaultRule): void;
    clear(): void;
    /** Rules not yet used up. */
    pending(): number;
  };
  /**
   * The real SDK pointed at this fake, with retries off. With `token` it makes the seller's calls;
   * without, auth is off (`auth: false`), as for obtainToken and for revokeToken, whose
   * `Authorization: Client <secret>` goes in the request's headers.
   */
  client(token?: string): SquareClient;
};

export async function startFakeSquare(options: FakeSquareOptions = {}): Promise<FakeSquare> {
  const applicationId = options.applicationId ?? "sandbox-sq0idb-nerava-test";
  const applicationSecret = options.applicationSecret ?? "sandbox-sq0csb-nerava-test-secret";
  const rules: Array<Required<Omit<FaultRule, "method">> & { method?: string }> = [];
  const sandbox = await startSquareSandbox({
    webhookRetryDelaysMs: [20, 50, 100],
    redirectUrl: "http://app.test/api/square/callback",
    ...options,
    applicationId,
    applicationSecret,
    intercept({ method, path }) {
      const rule = rules.find((r) => (!r.method || r.method === method) && r.path.test(path));
      if (!rule) return undefined;
      if (--rule.times === 0) rules.splice(rules.indexOf(rule), 1);
      return rule.kind;
    },
  });
  return {
    ...sandbox,
    applicationId,
    applicationSecret,
    faults: {
      next: (rule) => void rules.push({ times: 1, ...rule }),
      clear: () => void rules.splice(0),
      pending: () => rules.length,
    },
    client: (token) =>
      new SquareClient({ baseUrl: sandbox.url, maxRetries: 0, ...(token ? { token } : { auth: false }) }),
  };
}

import Stripe from "stripe";
import { afterAll, beforeAll, vi } from "vitest";
import type { LedgerViolation } from "@/lib/ledger";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe";
import { asDriver, createUser, fakeMeta, testDb } from "./factories";
import { closeConnections } from "./ledger";

// Cash-out tests: the app's real stripe SDK against the fake, Stripe's webhooks delivered straight
// into the app's receivers (signed the way Stripe signs), the queue's jobs run by hand.
export const PLATFORM_SECRET = "whsec_test_platform";
export const CONNECT_SECRET = "whsec_test_connect";

type Payouts = typeof import("@/lib/payouts");
type Ledger = typeof import("@/lib/ledger");
type Webhooks = typeof import("@/lib/webhooks");
export type PayoutKit = { fake: FakeStripe; payouts: Payouts; ledger: Ledger; webhooks: Webhooks };

/** Starts the fake and points the app at it, then loads the app's modules (config is read once, after). */
export async function startPayoutKit(env: Record<string, string> = {}): Promise<PayoutKit> {
  const fake = await startFakeStripe();
  const vars = {
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_API_BASE: fake.url,
    STRIPE_MAX_NETWORK_RETRIES: "0",
    STRIPE_WEBHOOK_SECRET: PLATFORM_SECRET,
    STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_SECRET,
    PAYOUT_MIN_CENTS: "100",
    PAYOUT_MAX_CENTS: "10000",
    PAYOUT_DAILY_CAP_CENTS: "20000",
    ...env,
  };
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  const [payouts, ledger, webhooks] = await Promise.all([
    import("@/lib/payouts"),
    import("@/lib/ledger"),
    import("@/lib/webhooks"),
  ]);
  await (await import("@/lib/jobs")).jobsReady();
  return { fake, payouts, ledger, webhooks };
}

/**
 * One kit per test file: the fake and the app's modules before its tests, with the ledger's
 * violations at that moment (another file may have left one on purpose); all closed after.
 */
export function payoutKitPerFile(env: Record<string, string> = {}) {
  const file = {} as { kit: PayoutKit; baseline: LedgerViolation[] };
  beforeAll(async () => {
    file.kit = await startPayoutKit(env);
    file.baseline = (await file.kit.ledger.checkLedger(testDb)).violations;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await file.kit?.fake.close();
    await (await import("@/lib/jobs")).stopWorkers();
    await closeConnections();
  });
  return file;
}

/** Money a driver earned (a cash reward), in cents. */
export async function fundDriver(kit: PayoutKit, userId: string, cents: number) {
  const { runMoneyTx, postInTx, accounts } = kit.ledger;
  await runMoneyTx((tx) =>
    postInTx(tx, {
      idempotencyKey: `test-fund-${userId}-${Math.random()}`,
      type: "GRANT",
      reason: "test cash reward",
      request: { userId, cents },
      lines: [
        { account: accounts.rewardsExpenseUsd(), amount: -BigInt(cents) },
        { account: accounts.driverUsd(userId), amount: BigInt(cents) },
      ],
    }),
  );
}

/** A driver who finished Stripe onboarding (bank `accountNumber`), with `cents` to cash out. */
export async function readyDriver(
  kit: PayoutKit,
  cents = 5_000,
  bank: { accountNumber?: string; instant?: boolean } = {},
) {
  const user = await createUser();
  const actor = asDriver(user.id);
  await kit.payouts.startCashOutSetup(actor, fakeMeta());
  const row = await testDb.stripeAccount.findUniqueOrThrow({ where: { userId: user.id } });
  kit.fake.control.onboard(row.stripeAccountId!, bank);
  await kit.payouts.refreshCashOutSetup(actor);
  if (cents > 0) await fundDriver(kit, user.id, cents);
  return { user, actor, accountId: row.stripeAccountId! };
}

let keys = 0;
export const newKey = () => `test-cash-out-key-${Date.now()}-${++keys}`;

/** Delivers one of the fake's events to the app's receiver, signed with the endpoint's secret. */
export async function deliver(kit: PayoutKit, event: { account?: string } & object, opts: { secret?: string } = {}) {
  const connect = "account" in event && Boolean(event.account);
  const receiver = connect ? kit.payouts.stripeConnectWebhook() : kit.payouts.stripePlatformWebhook();
  const payload = JSON.stringify(event);
  const secret = opts.secret ?? (connect ? CONNECT_SECRET : PLATFORM_SECRET);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return kit.webhooks.receiveWebhook(receiver, payload, new Headers({ "stripe-signature": header }));
}

/** The fake's events of a type about an object id (newest last). */
export const eventsFor = (kit: PayoutKit, type: string, objectId: string) =>
  kit.fake.control.events().filter((e) => e.type === type && (e.data.object as { id: string }).id === objectId);

export async function usdOf(kit: PayoutKit, userId: string) {
  return Number((await kit.ledger.unsafeGetBalances("DRIVER", userId)).usd.available);
}

/** Stripe's side for a driver: the sum of transfers not reversed, in cents. */
export function transferredTo(kit: PayoutKit, accountId: string) {
  return kit.fake.control.objects
    .transfers()
    .filter((t) => t.destination === accountId)
    .reduce((sum, t) => sum + t.amount - t.amount_reversed, 0);
}

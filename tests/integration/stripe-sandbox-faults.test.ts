// Injected faults, seen through the real SDK as the app will see them: typed errors, dropped
// connections (before and after Stripe acted), slow answers, and what idempotency keys make of them.
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createIdempotency } from "@/lib/integrations/stripe/sandbox/idempotency";
import type { SandboxState } from "@/lib/integrations/stripe/sandbox/store";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe";
import { caught, readyAccount } from "../support/stripe-sandbox";

let fake: FakeStripe;
let stripe: Stripe;
let account: string;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = fake.client();
  account = await readyAccount(fake, stripe);
});
afterEach(() => fake.faults.clear());
afterAll(() => fake.close());

const TRANSFERS = /^\/v1\/transfers$/;
const transfer = (idempotencyKey?: string, client = stripe) =>
  client.transfers.create({ amount: 100, currency: "usd", destination: account }, { idempotencyKey });
const transferCount = () => fake.control.objects.transfers().length;

describe("injected errors", () => {
  it("a 400 is a StripeInvalidRequestError with its code, and nothing happens", async () => {
    const count = transferCount();
    fake.faults.next({
      method: "POST",
      path: TRANSFERS,
      kind: { status: 400, error: { code: "transfers_not_allowed", message: "No." } },
    });
    const err = await caught(transfer());
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, code: "transfers_not_allowed", message: "No." });
    expect(transferCount()).toBe(count);
    expect(fake.faults.pending()).toBe(0);
  });

  it("a 429 is a StripeRateLimitError of type rate_limit_error", async () => {
    fake.faults.next({ path: TRANSFERS, kind: { status: 429, error: { message: "Too many requests." } } });
    const err = await caught(transfer());
    expect(err).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(err.raw).toMatchObject({ type: "rate_limit_error", code: "rate_limit" });
  });

  it("a 5xx is a StripeAPIError and does not use up the idempotency key", async () => {
    fake.faults.next({ path: TRANSFERS, times: 2, kind: { status: 500, error: { message: "Boom." } } });
    expect(await caught(transfer("fault-500"))).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(await caught(transfer("fault-500"))).toMatchObject({ statusCode: 500 });
    const made = await transfer("fault-500");
    expect(made.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("applies only to the method and path asked for", async () => {
    fake.faults.next({ method: "GET", path: TRANSFERS, kind: { status: 500, error: { message: "list down" } } });
    await transfer();
    expect(fake.faults.pending()).toBe(1);
    expect(await caught(stripe.transfers.list())).toBeInstanceOf(Stripe.errors.StripeAPIError);
  });
});

describe("dropped connections", () => {
  it("before acting: a StripeConnectionError, no transfer, no money moved", async () => {
    const [count, platform] = [transferCount(), fake.control.balanceOf("platform")];
    // The SDK retries a closed connection once even with maxNetworkRetries 0, so drop both tries.
    fake.faults.next({ path: TRANSFERS, times: 2, kind: { drop: "before" } });
    expect(await caught(transfer("drop-before"))).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect([transferCount(), fake.control.balanceOf("platform")]).toEqual([count, platform]);
    const tries = fake.control.requests().filter((r) => r.idempotencyKey === "drop-before");
    expect(tries.map((r) => [r.status, r.fault])).toEqual([
      [null, "drop_before"],
      [null, "drop_before"],
    ]);
  });

  it("after acting: the same key later returns the same transfer, and money moves once", async () => {
    const platform = fake.control.balanceOf("platform");
    fake.faults.next({ path: TRANSFERS, kind: { drop: "after" } });
    fake.faults.next({ path: TRANSFERS, kind: { drop: "before" } }); // the SDK's own retry
    expect(await caught(transfer("cashout:9:transfer"))).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(fake.control.balanceOf("platform")).toBe(platform - 100);
    const created = fake.control.objects.transfers().at(-1)!;

    const retried = await transfer("cashout:9:transfer");
    expect(retried.id).toBe(created.id);
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(fake.control.balanceOf("platform")).toBe(platform - 100);
  });

  it("after acting, the SDK's automatic retry already gets the stored answer", async () => {
    const count = transferCount();
    fake.faults.next({ path: TRANSFERS, kind: { drop: "after" } });
    const made = await transfer("drop-after-auto");
    expect(transferCount()).toBe(count + 1);
    const tries = fake.control.requests().filter((r) => r.idempotencyKey === "drop-after-auto");
    expect(tries.map((r) => [r.status, r.replayed])).toEqual([
      [null, false],
      [200, true],
    ]);
    expect(made.id).toBe(fake.control.objects.transfers().at(-1)!.id);
  });
});

describe("slow answers and keys in flight", () => {
  it("a client timeout while Stripe still acts; the key is in use until it is done, then replays", async () => {
    const platform = fake.control.balanceOf("platform");
    fake.faults.next({ path: TRANSFERS, kind: { delayMs: 400 } });
    const impatient = fake.client({ timeout: 100 });
    const timedOut = await caught(transfer("slow-key", impatient));
    expect(timedOut).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(timedOut.message).toMatch(/timeout/);

    const inUse = await caught(transfer("slow-key"));
    expect(inUse).toMatchObject({ statusCode: 409, code: "idempotency_key_in_use" });
    await expect.poll(() => fake.control.balanceOf("platform"), { timeout: 2000 }).toBe(platform - 100);
    const replayed = await transfer("slow-key");
    expect(replayed.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(fake.control.balanceOf("platform")).toBe(platform - 100);
  });

  it("twenty concurrent calls with one key move money once", async () => {
    const platform = fake.control.balanceOf("platform");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => transfer("burst-key")));
    const ids = new Set(results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : [])));
    expect(ids.size).toBe(1);
    expect(fake.control.balanceOf("platform")).toBe(platform - 100);
  });
});

describe("idempotency store", () => {
  it("keeps 4xx answers and never 5xx ones", () => {
    const state = { idempotency: {} } as SandboxState;
    const store = createIdempotency(state);
    const first = store.check("platform", "k-500", "POST", "/v1/transfers", { amount: "1" });
    if (first.kind !== "new") throw new Error("expected a new request");
    first.finish({ status: 500, body: "{}", requestId: "req_1" });
    expect(store.check("platform", "k-500", "POST", "/v1/transfers", { amount: "1" }).kind).toBe("new");
    const second = store.check("platform", "k-400", "POST", "/v1/transfers", { amount: "1" });
    if (second.kind !== "new") throw new Error("expected a new request");
    second.finish({ status: 400, body: "{}", requestId: "req_2" });
    expect(store.check("platform", "k-400", "POST", "/v1/transfers", { amount: "1" }).kind).toBe("replay");
    expect(store.check("acct_other", "k-400", "POST", "/v1/transfers", { amount: "1" }).kind).toBe("new");
  });
});

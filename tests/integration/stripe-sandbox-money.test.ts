// Money through the Stripe sandbox with the real SDK: transfers and their checks, listing,
// reversals, payouts, and settlement (manual here; auto in its own block).
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe";
import { caught, createConnectedAccount, readyAccount } from "../support/stripe-sandbox";

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = fake.client();
});
afterAll(() => fake.close());

const transfer = (destination: string, amount: number, transfer_group?: string) =>
  stripe.transfers.create({ amount, currency: "usd", destination, transfer_group, metadata: { cashout_id: "c-1" } });
const payout = (account: string, amount: number, method: "standard" | "instant" = "standard") =>
  stripe.payouts.create({ amount, currency: "usd", method }, { stripeAccount: account });

describe("transfers", () => {
  it("moves platform money to a ready account", async () => {
    const account = await readyAccount(fake, stripe);
    const platform = fake.control.balanceOf("platform");
    const made = await transfer(account, 1250, "cashout-1");
    expect(made).toMatchObject({
      id: expect.stringMatching(/^tr_/),
      object: "transfer",
      amount: 1250,
      amount_reversed: 0,
      currency: "usd",
      destination: account,
      transfer_group: "cashout-1",
      metadata: { cashout_id: "c-1" },
      reversed: false,
      livemode: false,
    });
    expect(await stripe.transfers.retrieve(made.id)).toEqual(made);
    expect(fake.control.balanceOf("platform")).toBe(platform - 1250);
    expect((await stripe.balance.retrieve({}, { stripeAccount: account })).available).toEqual([
      expect.objectContaining({ amount: 1250, currency: "usd" }),
    ]);
  });

  it("checks the destination, then its transfers capability, then the platform balance", async () => {
    const missing = await caught(transfer("acct_nope", 100));
    expect(missing).toMatchObject({ statusCode: 400, code: "resource_missing", param: "destination" });
    const fresh = await createConnectedAccount(stripe);
    expect(await caught(transfer(fresh.id, 100))).toMatchObject({ statusCode: 400, code: "capability_not_active" });

    const account = await readyAccount(fake, stripe);
    const saved = fake.control.balanceOf("platform");
    fake.control.setPlatformBalance(999);
    try {
      const short = await caught(transfer(account, 1000));
      expect(short).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(short.code).toBe("balance_insufficient");
      expect(fake.control.balanceOf(account)).toBe(0);
      await transfer(account, 999);
      expect(fake.control.balanceOf("platform")).toBe(0);
    } finally {
      fake.control.setPlatformBalance(saved);
    }
  });

  it("refuses transfers and payouts once the account is restricted", async () => {
    const account = await readyAccount(fake, stripe, { cents: 500 });
    fake.control.restrict(account, { disabledReason: "requirements.past_due", pastDue: ["individual.id_number"] });
    const restricted = await stripe.accounts.retrieve(account);
    expect(restricted).toMatchObject({
      payouts_enabled: false,
      capabilities: { transfers: "inactive" },
      requirements: { disabled_reason: "requirements.past_due", past_due: ["individual.id_number"] },
    });
    expect(await caught(transfer(account, 100))).toMatchObject({ code: "capability_not_active" });
    expect(await caught(payout(account, 100))).toMatchObject({ code: "payouts_not_allowed" });
  });

  it("lists by transfer_group, newest first, page by page", async () => {
    const account = await readyAccount(fake, stripe);
    const group = `group-${Date.now()}`;
    const made = [];
    for (const amount of [101, 102, 103, 104, 105]) made.push((await transfer(account, amount, group)).id);
    await transfer(account, 1, "another-group");
    const first = await stripe.transfers.list({ transfer_group: group, limit: 2 });
    expect(first).toMatchObject({ object: "list", has_more: true, url: "/v1/transfers" });
    expect(first.data.map((t) => t.id)).toEqual([made[4], made[3]]);
    const next = await stripe.transfers.list({ transfer_group: group, limit: 2, starting_after: made[3] });
    expect(next.data.map((t) => t.id)).toEqual([made[2], made[1]]);
    const all = await stripe.transfers.list({ transfer_group: group, limit: 2 }).autoPagingToArray({ limit: 50 });
    expect(all.map((t) => t.id)).toEqual([...made].reverse());
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect((await stripe.transfers.list({ transfer_group: group, created: { gte: future } })).data).toEqual([]);
    expect((await stripe.transfers.list({ destination: account, limit: 100 })).data).toHaveLength(6);
  });
});

describe("transfer reversals", () => {
  it("reverse only what the destination still holds and what is unreversed", async () => {
    const account = await readyAccount(fake, stripe);
    const made = await transfer(account, 1000);
    await payout(account, 700);
    const platform = fake.control.balanceOf("platform");
    const short = await caught(stripe.transfers.createReversal(made.id, { amount: 500 }));
    expect(short).toMatchObject({ statusCode: 400, code: "balance_insufficient" });

    const reversal = await stripe.transfers.createReversal(made.id, { amount: 300 });
    expect(reversal).toMatchObject({ object: "transfer_reversal", amount: 300, currency: "usd", transfer: made.id });
    expect(fake.control.balanceOf("platform")).toBe(platform + 300);
    expect(fake.control.balanceOf(account)).toBe(0);
    expect(await stripe.transfers.retrieve(made.id)).toMatchObject({ amount_reversed: 300, reversed: false });
    const tooMuch = await caught(stripe.transfers.createReversal(made.id, { amount: 800 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, param: "amount" });
  });

  it("reverses the whole remainder when no amount is given", async () => {
    const account = await readyAccount(fake, stripe);
    const made = await transfer(account, 200);
    expect((await stripe.transfers.createReversal(made.id)).amount).toBe(200);
    expect(await stripe.transfers.retrieve(made.id)).toMatchObject({ amount_reversed: 200, reversed: true });
    expect(fake.control.events().at(-1)).toMatchObject({
      type: "transfer.reversed",
      data: { object: { id: made.id } },
    });
  });
});

describe("payouts", () => {
  it("pays out from a connected balance only, on the account's bank", async () => {
    const account = await readyAccount(fake, stripe, { cents: 5000 });
    expect(await caught(stripe.payouts.create({ amount: 100, currency: "usd" }))).toMatchObject({ statusCode: 400 });
    const standard = await payout(account, 1000);
    const bank = (await stripe.accounts.retrieve(account)).external_accounts?.data[0];
    expect(standard).toMatchObject({
      id: expect.stringMatching(/^po_/),
      object: "payout",
      amount: 1000,
      method: "standard",
      type: "bank_account",
      destination: bank?.id,
      status: "pending",
      automatic: false,
      failure_code: null,
      reconciliation_status: "not_applicable",
    });
    expect(standard.arrival_date - standard.created).toBe(2 * 86_400);
    const instant = await payout(account, 1000, "instant");
    expect(instant.arrival_date).toBe(instant.created);
    expect(fake.control.balanceOf(account)).toBe(3000);
    expect(await caught(payout(account, 3001))).toMatchObject({ statusCode: 400, code: "balance_insufficient" });
    expect(await stripe.payouts.retrieve(standard.id, {}, { stripeAccount: account })).toEqual(standard);
    const other = await readyAccount(fake, stripe);
    expect(await caught(stripe.payouts.retrieve(standard.id, {}, { stripeAccount: other }))).toMatchObject({
      statusCode: 404,
    });
    const pending = await stripe.payouts.list({ status: "pending", limit: 10 }, { stripeAccount: account });
    expect(pending.data.map((p) => p.id)).toEqual([instant.id, standard.id]);
  });

  it("refuses instant payouts to a bank without instant, and accounts not onboarded", async () => {
    const account = await readyAccount(fake, stripe, { cents: 500, instant: false });
    const err = await caught(payout(account, 100, "instant"));
    expect(err).toMatchObject({ statusCode: 400, code: "instant_payouts_unsupported" });
    expect((await payout(account, 100)).status).toBe("pending");
    const fresh = await createConnectedAccount(stripe);
    expect(await caught(payout(fresh.id, 100))).toMatchObject({ code: "payouts_not_allowed" });
  });

  it("settles by hand: paid, or failed with the money back in the connected balance and the bank errored", async () => {
    const account = await readyAccount(fake, stripe, { cents: 1000 });
    const paid = await payout(account, 400);
    fake.control.settlePayout(paid.id, "paid");
    expect((await stripe.payouts.retrieve(paid.id, {}, { stripeAccount: account })).status).toBe("paid");

    const failing = await payout(account, 600);
    expect(fake.control.balanceOf(account)).toBe(0);
    fake.control.settlePayout(failing.id, "failed", "account_closed");
    expect(await stripe.payouts.retrieve(failing.id, {}, { stripeAccount: account })).toMatchObject({
      status: "failed",
      failure_code: "account_closed",
      failure_message: "The bank account has been closed.",
    });
    expect(fake.control.balanceOf(account)).toBe(600);
    expect((await stripe.accounts.retrieve(account)).external_accounts?.data[0].status).toBe("errored");
    const types = fake.control
      .events()
      .filter((e) => e.account === account)
      .map((e) => e.type);
    expect(types.slice(-4)).toEqual([
      "payout.paid",
      "payout.created",
      "payout.failed",
      "account.external_account.updated",
    ]);
    expect(await caught(payout(account, 100))).toMatchObject({ code: "payouts_not_allowed" });

    fake.control.onboard(account); // a new bank replaces the errored one
    expect((await payout(account, 600)).status).toBe("pending");
  });
});

describe("automatic settlement", () => {
  let auto: FakeStripe;
  let client: Stripe;
  beforeAll(async () => {
    auto = await startFakeStripe({ settle: { mode: "auto", afterMs: 40 } });
    client = auto.client();
  });
  afterAll(() => auto.close());

  it("pays to 000123456789 and fails to 000111111116 with no_account", async () => {
    const good = await readyAccount(auto, client, { cents: 500 });
    const bad = await readyAccount(auto, client, { cents: 500, accountNumber: "000111111116" });
    const [paid, failed] = await Promise.all([
      client.payouts.create({ amount: 500, currency: "usd" }, { stripeAccount: good }),
      client.payouts.create({ amount: 500, currency: "usd" }, { stripeAccount: bad }),
    ]);
    expect([paid.status, failed.status]).toEqual(["pending", "pending"]);
    await expect
      .poll(() => auto.control.objects.payouts().map((p) => p.status), { timeout: 2000 })
      .toEqual(["paid", "failed"]);
    expect(await client.payouts.retrieve(failed.id, {}, { stripeAccount: bad })).toMatchObject({
      failure_code: "no_account",
      failure_message:
        "The bank account details on file are probably incorrect. No bank account could be located with those details.",
    });
    expect([auto.control.balanceOf(good), auto.control.balanceOf(bad)]).toEqual([0, 500]);
  });
});

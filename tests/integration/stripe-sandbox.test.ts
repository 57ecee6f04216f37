// The Stripe sandbox through the real SDK: authentication, accounts, idempotency, account links and
// the setup page. Money movement, webhooks and faults have their own stripe-sandbox-* files.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe";
import { caught, createConnectedAccount } from "../support/stripe-sandbox";

let fake: FakeStripe;
let stripe: Stripe;
let clockShiftMs = 0;
const APP = "http://localhost:3000";

beforeAll(async () => {
  fake = await startFakeStripe({ now: () => Date.now() + clockShiftMs });
  stripe = fake.client();
});
afterAll(() => fake.close());

describe("API basics", () => {
  it("accepts only its secret key", async () => {
    const err = await caught(stripe.accounts.retrieve("acct_x", {}, { apiKey: "sk_test_wrong_key_1234" }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err.statusCode).toBe(401);
  });

  it("answers an unknown route 404 invalid_request_error with a Request-Id", async () => {
    const res = await fetch(`${fake.url}/v1/charges`, { headers: { authorization: `Bearer ${fake.secretKey}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    expect((await res.json()).error).toMatchObject({ type: "invalid_request_error" });
  });
});

describe("accounts", () => {
  it("creates an Express-style account that is not ready yet", async () => {
    const account = await createConnectedAccount(stripe, { driver_id: "d-1" });
    expect(account).toMatchObject({
      id: expect.stringMatching(/^acct_/),
      object: "account",
      type: "express",
      country: "US",
      default_currency: "usd",
      email: "driver@nerava.demo",
      metadata: { driver_id: "d-1" },
      details_submitted: false,
      charges_enabled: false,
      payouts_enabled: false,
      capabilities: { transfers: "pending" },
      requirements: { disabled_reason: "requirements.past_due", current_deadline: null, errors: [] },
      external_accounts: { object: "list", data: [], has_more: false },
      livemode: false,
    });
    expect(account.controller).toMatchObject({ stripe_dashboard: { type: "express" } });
    expect(account.requirements?.currently_due).toContain("external_account");
    expect(await stripe.accounts.retrieve(account.id)).toEqual(account);
    expect(await stripe.accounts.retrieveCurrent({}, { stripeAccount: account.id })).toEqual(account);
  });

  it("answers an unknown account 404 resource_missing, and an unknown Stripe-Account 403", async () => {
    const missing = await caught(stripe.accounts.retrieve("acct_nope"));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
    const foreign = await caught(stripe.balance.retrieve({}, { stripeAccount: "acct_nope" }));
    expect(foreign).toBeInstanceOf(Stripe.errors.StripePermissionError);
  });
});

describe("idempotency", () => {
  const params = { type: "express" as const, email: "same@nerava.demo" };

  it("replays the first answer for the same key and parameters, without acting again", async () => {
    const before = fake.control.objects.accounts().length;
    const first = await stripe.accounts.create(params, { idempotencyKey: "driver-1:account" });
    const again = await stripe.accounts.create(params, { idempotencyKey: "driver-1:account" });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(fake.control.objects.accounts()).toHaveLength(before + 1);
    expect(
      fake.control
        .requests()
        .slice(-2)
        .map((r) => r.replayed),
    ).toEqual([false, true]);
  });

  it("refuses the same key with other parameters", async () => {
    await stripe.accounts.create(params, { idempotencyKey: "driver-2:account" });
    const err = await caught(
      stripe.accounts.create({ ...params, email: "other@nerava.demo" }, { idempotencyKey: "driver-2:account" }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err).toMatchObject({ statusCode: 400, type: "StripeIdempotencyError" });
    expect(err.message).toMatch(/can only be used with the same parameters/);
  });

  it("replays a 4xx answer too", async () => {
    const call = () =>
      stripe.accountLinks.create(
        { account: "acct_nope", type: "account_onboarding", refresh_url: APP, return_url: APP },
        { idempotencyKey: "link-for-nobody" },
      );
    const first = await caught(call());
    const second = await caught(call());
    expect([first.statusCode, second.statusCode]).toEqual([400, 400]);
    expect(second.headers?.["idempotent-replayed"]).toBe("true");
    expect(second.message).toBe(first.message);
  });
});

describe("account links and the setup page", () => {
  const newLink = async (account: string, type: "account_onboarding" | "account_update" = "account_onboarding") =>
    stripe.accountLinks.create({
      account,
      type,
      refresh_url: `${APP}/payouts/refresh`,
      return_url: `${APP}/payouts/done?x="<script>`,
    });
  const tokenIn = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const submit = (url: string, fields: Record<string, string>) =>
    fetch(url, { method: "POST", redirect: "manual", body: new URLSearchParams(fields) });
  const bank = {
    legal_name: "Maya Chen",
    routing_number: "110000000",
    account_number: "000123456789",
    instant: "true",
  };

  it("serves a single-use page; a second visit goes to refresh_url", async () => {
    const account = await createConnectedAccount(stripe);
    const link = await newLink(account.id);
    expect(link).toMatchObject({ object: "account_link", expires_at: link.created + 300 });
    expect(link.url).toMatch(new RegExp(`^${fake.url}/setup/`));
    const page = await fetch(link.url, { redirect: "manual" });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("<title>Stripe sandbox — set up payouts</title>");
    expect(html).toContain("000111111116");
    expect(html).toContain('<label for="routing_number">');
    expect(html).not.toContain('"<script>'); // the return_url is printed escaped
    const again = await fetch(link.url, { redirect: "manual" });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`${APP}/payouts/refresh`);
  });

  it("sends an expired link to refresh_url", async () => {
    const link = await newLink((await createConnectedAccount(stripe)).id);
    clockShiftMs = 301_000;
    try {
      const res = await fetch(link.url, { redirect: "manual" });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`${APP}/payouts/refresh`);
    } finally {
      clockShiftMs = 0;
    }
  });

  it("onboards on submit and redirects to return_url; only the page's own token is accepted", async () => {
    const account = await createConnectedAccount(stripe);
    const link = await newLink(account.id);
    const token = tokenIn(await (await fetch(link.url)).text());
    expect((await submit(link.url, { ...bank, token: "forged" })).status).toBe(403);
    expect((await stripe.accounts.retrieve(account.id)).details_submitted).toBe(false);

    const bad = await submit(link.url, { ...bank, routing_number: "12", token });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("9 digits");

    const done = await submit(link.url, { ...bank, token });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${APP}/payouts/done?x="<script>`);
    const ready = await stripe.accounts.retrieve(account.id);
    expect(ready).toMatchObject({
      details_submitted: true,
      payouts_enabled: true,
      charges_enabled: false,
      capabilities: { transfers: "active" },
      requirements: { currently_due: [], past_due: [], disabled_reason: null },
    });
    expect(ready.external_accounts?.data[0]).toMatchObject({
      object: "bank_account",
      bank_name: "STRIPE TEST BANK",
      last4: "6789",
      routing_number: "110000000",
      status: "new",
      default_for_currency: true,
      available_payout_methods: ["standard", "instant"],
    });
    const types = fake.control
      .events()
      .filter((e) => e.account === account.id)
      .map((e) => e.type);
    expect(types).toEqual(["account.external_account.created", "account.updated"]);
    expect((await submit(link.url, { ...bank, token })).headers.get("location")).toBe(`${APP}/payouts/refresh`);
  });

  it("leaves identity verification for later: payouts stay off until it is provided", async () => {
    const account = await createConnectedAccount(stripe);
    const link = await newLink(account.id);
    const token = tokenIn(await (await fetch(link.url)).text());
    await submit(link.url, { ...bank, instant: "", defer_verification: "true", token });
    const pending = await stripe.accounts.retrieve(account.id);
    expect(pending).toMatchObject({
      details_submitted: true,
      payouts_enabled: false,
      requirements: { currently_due: ["individual.id_number"], disabled_reason: "requirements.past_due" },
    });
    expect(pending.external_accounts?.data[0]).toMatchObject({ available_payout_methods: ["standard"] });
    fake.control.onboard(account.id);
    expect((await stripe.accounts.retrieve(account.id)).payouts_enabled).toBe(true);
  });
});

// Webhooks from the Stripe sandbox to a local receiver (verified with the SDK's constructEvent),
// retries and redelivery, and the state file that keeps a dev sandbox's accounts across restarts.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeSandbox } from "@/lib/integrations/stripe/sandbox/server";
import { startFakeStripe, type FakeStripe } from "../fakes/stripe";
import { caught, createConnectedAccount, readyAccount } from "../support/stripe-sandbox";

type Received = { path: string; raw: string; signature: string; contentType: string };
const secrets = { platform: "whsec_platform_test", connect: "whsec_connect_test" };

let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Statuses the receiver answers next, in order; 200 once they run out. */
const answers: number[] = [];
let holdMs = 0;

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    received.push({
      path: req.url ?? "",
      raw: await text(req),
      signature: String(req.headers["stripe-signature"]),
      contentType: String(req.headers["content-type"]),
    });
    if (holdMs) await new Promise((resolve) => setTimeout(resolve, holdMs));
    res.writeHead(answers.shift() ?? 200).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  fake = await startFakeStripe({
    platformWebhook: { url: `${receiverUrl}/platform`, secret: secrets.platform },
    connectWebhook: { url: `${receiverUrl}/connect`, secret: secrets.connect },
  });
  stripe = fake.client();
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const eventsAt = (where: "platform" | "connect") =>
  received
    .filter((r) => r.path === `/${where}`)
    .map((r) => stripe.webhooks.constructEvent(r.raw, r.signature, secrets[where]));

describe("webhook delivery", () => {
  it("signs connect events for the Connect endpoint, with the account on top", async () => {
    const account = await readyAccount(fake, stripe);
    await fake.control.webhooksSettled();
    const events = eventsAt("connect").filter((e) => e.account === account);
    expect(events.map((e) => e.type)).toEqual(["account.external_account.created", "account.updated"]);
    const updated = events[1] as Stripe.AccountUpdatedEvent;
    expect(updated).toMatchObject({
      object: "event",
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
    });
    expect(updated.data.object.payouts_enabled).toBe(true);
    expect(updated.data.previous_attributes).toMatchObject({ payouts_enabled: false, details_submitted: false });
    const raw = received.find((r) => r.raw.includes(updated.id));
    expect(raw?.contentType).toBe("application/json; charset=utf-8");
    expect(() => stripe.webhooks.constructEvent(raw!.raw, raw!.signature, secrets.platform)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it("sends platform events without an account, naming the request that caused them", async () => {
    const account = await readyAccount(fake, stripe);
    const made = await stripe.transfers.create(
      { amount: 300, currency: "usd", destination: account },
      { idempotencyKey: "cashout:1:transfer" },
    );
    await fake.control.webhooksSettled();
    const event = eventsAt("platform").find((e) => e.type === "transfer.created" && e.data.object.id === made.id);
    expect(event).toBeDefined();
    expect(event?.account).toBeUndefined();
    expect(event?.request).toEqual({ id: made.lastResponse.requestId, idempotency_key: "cashout:1:transfer" });
  });

  it("delivers after answering, never inside the request", async () => {
    const account = await readyAccount(fake, stripe, { cents: 100 });
    await fake.control.webhooksSettled();
    holdMs = 500;
    try {
      const started = Date.now();
      await stripe.payouts.create({ amount: 100, currency: "usd" }, { stripeAccount: account });
      expect(Date.now() - started).toBeLessThan(400);
      await fake.control.webhooksSettled();
    } finally {
      holdMs = 0;
    }
    expect(eventsAt("connect").at(-1)).toMatchObject({ type: "payout.created", account });
  });

  it("retries a failing receiver, then stops; redeliver sends the event again", async () => {
    answers.push(500, 503);
    const account = await createConnectedAccount(stripe);
    fake.control.restrict(account.id, { disabledReason: "platform_paused" });
    await fake.control.webhooksSettled();
    const event = fake.control.events().at(-1)!;
    const attempts = () => fake.control.deliveries().filter((d) => d.eventId === event.id);
    expect(attempts().map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);

    answers.push(500, 500, 500, 500);
    await fake.control.redeliver(event.id);
    expect(attempts().map((d) => d.status)).toEqual([500, 503, 200, 500, 500, 500, 500]);
    await fake.control.redeliver(event.id);
    expect(attempts().at(-1)).toMatchObject({ attempt: 1, status: 200, url: `${receiverUrl}/connect` });
  });

  it("only records events when no endpoint is configured", async () => {
    const quiet = await startFakeStripe();
    try {
      const client = quiet.client();
      await readyAccount(quiet, client, { cents: 100 });
      await quiet.control.webhooksSettled();
      expect(quiet.control.events().map((e) => [e.type, e.pending_webhooks])).toContainEqual(["transfer.created", 0]);
      expect(quiet.control.deliveries()).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});

describe("state file", () => {
  it("keeps accounts, money, payouts and idempotency keys across a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stripe-sandbox-"));
    const stateFile = path.join(dir, "state.json");
    const start = () => startStripeSandbox({ secretKey: "sk_test_dev", settle: { mode: "manual" }, stateFile });
    const client = (port: number) =>
      new Stripe("sk_test_dev", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
    try {
      const first = await start();
      const before = client(first.port);
      const account = await createConnectedAccount(before);
      first.control.onboard(account.id);
      const key = { idempotencyKey: "cashout:7:transfer" };
      const made = await before.transfers.create({ amount: 700, currency: "usd", destination: account.id }, key);
      await first.close();

      const second = await start();
      try {
        const after = client(second.port);
        expect((await after.accounts.retrieve(account.id)).payouts_enabled).toBe(true);
        expect(second.control.balanceOf(account.id)).toBe(700);
        expect(second.control.balanceOf("platform")).toBe(10_000_000 - 700);
        const replayed = await after.transfers.create({ amount: 700, currency: "usd", destination: account.id }, key);
        expect(replayed.id).toBe(made.id);
        expect(second.control.balanceOf(account.id)).toBe(700);
        expect(await caught(after.transfers.retrieve("tr_missing"))).toMatchObject({ statusCode: 404 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

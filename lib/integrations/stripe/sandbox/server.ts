// A Stripe-speaking server on node:http: the app's sandbox twin in `npm run dev` and, with faults,
// the fake in tests (tests/fakes/stripe.ts). The app reaches it only through the real `stripe` SDK:
// `new Stripe(key, { host: "127.0.0.1", port, protocol: "http" })`.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { createApiHandler } from "./api-handler";
import type { Sandbox } from "./context";
import { createControl } from "./control";
import { sendHtml } from "./http";
import { problemPage } from "./pages";
import { scheduleSettlement } from "./payouts";
import { serveSetup } from "./setup-flow";
import { createStore } from "./store";
import type { RequestLogEntry, StripeSandbox, StripeSandboxOptions } from "./types";
import { createWebhookSender } from "./webhooks";

export type * from "./types";
export { FAILING_ACCOUNT_NUMBER, PAYING_ACCOUNT_NUMBER, TEST_ROUTING_NUMBER } from "./accounts";

const DEFAULT_PLATFORM_BALANCE_CENTS = 10_000_000;
const DEFAULT_RETRY_DELAYS_MS = [200, 1000, 3000];

export async function startStripeSandbox(options: StripeSandboxOptions): Promise<StripeSandbox> {
  // It onboards anyone and moves pretend money: a development and test tool a production app never talks to.
  if (process.env.NODE_ENV === "production" && !options.allowInProduction)
    throw new Error("The Stripe sandbox does not run in production.");
  const clock = options.now ?? Date.now;
  const store = createStore({
    stateFile: options.stateFile,
    platformBalanceCents: options.platformBalanceCents ?? DEFAULT_PLATFORM_BALANCE_CENTS,
  });
  const webhooks = createWebhookSender({
    platform: options.platformWebhook,
    connect: options.connectWebhook,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
  });
  const sandbox: Sandbox = {
    state: store.state,
    now: () => Math.floor(clock() / 1000),
    baseUrl: "",
    settle: options.settle,
    timers: new Set(),
    webhooks,
    save: store.save,
  };
  const requests: RequestLogEntry[] = [];
  const serveApi = createApiHandler({ sandbox, secretKey: options.secretKey, intercept: options.intercept, requests });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", sandbox.baseUrl);
    const setup = /^\/setup\/([A-Za-z0-9_]+)$/.exec(url.pathname);
    text(req)
      .then((body) => (setup ? serveSetup(sandbox, req, res, setup[1], body) : serveApi(req, res, url, body)))
      .catch((err: unknown) => {
        console.error("[stripe-sandbox]", err);
        if (!res.headersSent) sendHtml(res, 500, problemPage("The Stripe sandbox failed; see its log."));
      });
  });
  await new Promise<void>((resolve, reject) =>
    server.once("error", reject).listen(options.port ?? 0, "127.0.0.1", resolve),
  );
  const port = (server.address() as AddressInfo).port;
  sandbox.baseUrl = `http://127.0.0.1:${port}`;
  // Payouts left pending by a previous run settle as if the sandbox had never stopped.
  for (const payout of Object.values(store.state.payouts))
    if (payout.status === "pending") scheduleSettlement(sandbox, payout);

  return {
    url: sandbox.baseUrl,
    port,
    control: createControl(sandbox, requests),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of sandbox.timers) clearTimeout(timer);
        webhooks.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

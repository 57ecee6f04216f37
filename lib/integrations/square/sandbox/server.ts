// A Square-speaking server on node:http: the app's sandbox twin in `npm run dev` and, with faults,
// the fake in tests (tests/fakes/square.ts). The app reaches it only through the real `square` SDK:
// `new SquareClient({ token, baseUrl: sandbox.url })` (add `maxRetries: 0` in tests).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { createApiHandler } from "./api-handler";
import { serveConsent } from "./consent";
import type { Sandbox } from "./context";
import { createControl } from "./control";
import { sendHtml } from "./http";
import { problemPage } from "./pages";
import { createStore } from "./store";
import type { RequestLogEntry, SquareSandbox, SquareSandboxOptions } from "./types";
import { createWebhookSender } from "./webhooks";

export type * from "./types";
export { signSquareWebhook } from "./webhooks";
export { DEFAULT_SCOPES } from "./oauth";
export { DEMO_BUSINESS_NAME } from "./merchants";

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
const DEFAULT_RETRY_DELAYS_MS = [200, 1000, 3000];

export async function startSquareSandbox(options: SquareSandboxOptions): Promise<SquareSandbox> {
  // It hands out tokens to anyone who clicks Allow and makes up sales: a development and test tool a
  // production app never talks to.
  if (process.env.NODE_ENV === "production" && !options.allowInProduction)
    throw new Error("The Square sandbox does not run in production.");
  const store = createStore({ stateFile: options.stateFile });
  const webhooks = createWebhookSender({
    subscription: options.webhook,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
  });
  const sandbox: Sandbox = {
    state: store.state,
    now: options.now ?? Date.now,
    baseUrl: "",
    applicationId: options.applicationId,
    applicationSecret: options.applicationSecret,
    accessTokenTtlMs: options.accessTokenTtlMs ?? THIRTY_DAYS_MS,
    redirectUrl: options.redirectUrl,
    webhooks,
    save: store.save,
  };
  const requests: RequestLogEntry[] = [];
  const serveApi = createApiHandler({ sandbox, intercept: options.intercept, requests });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", sandbox.baseUrl);
    text(req)
      .then((body) =>
        url.pathname === "/oauth2/authorize"
          ? serveConsent(sandbox, req, res, url, body)
          : serveApi(req, res, url, body),
      )
      .catch((err: unknown) => {
        console.error("[square-sandbox]", err);
        if (!res.headersSent) sendHtml(res, 500, problemPage("The Square sandbox failed; see its log."));
      });
  });
  await new Promise<void>((resolve, reject) =>
    server.once("error", reject).listen(options.port ?? 0, "127.0.0.1", resolve),
  );
  const port = (server.address() as AddressInfo).port;
  sandbox.baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: sandbox.baseUrl,
    port,
    control: createControl(sandbox, requests),
    close: () =>
      new Promise<void>((resolve, reject) => {
        webhooks.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

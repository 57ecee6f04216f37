// The API surface the sandbox serves: method, path and the operation behind each.
import { createAccountLink } from "./account-links";
import { connectedAccount, createAccount, findAccount } from "./accounts";
import { balanceBody } from "./balances";
import type { RequestInfo, Sandbox } from "./context";
import { invalidRequest } from "./errors";
import type { Params } from "./params";
import { createPayout, findPayout, listPayouts, requireConnected } from "./payouts";
import { createReversal, createTransfer, findTransfer, listReversals, listTransfers } from "./transfers";

export type ApiCall = {
  params: Params;
  /** The `Stripe-Account` header: the call is made on that connected account. */
  stripeAccount?: string;
  request: RequestInfo;
  /** The path's captured ids. */
  ids: string[];
};
type Route = { method: "GET" | "POST"; path: RegExp; handle(sandbox: Sandbox, call: ApiCall): unknown };

const ID = "([A-Za-z0-9_]+)";
const path = (pattern: string) => new RegExp(`^${pattern.replaceAll(":id", ID)}$`);

/** Transfers move the platform's money; a connected account cannot make or list them here. */
function platformOnly(call: ApiCall): void {
  if (call.stripeAccount)
    throw invalidRequest("Transfers are made by the platform: send them without a Stripe-Account header.");
}

const PLATFORM_ACCOUNT = {
  id: "acct_sandboxplatform",
  object: "account",
  type: "standard",
  country: "US",
  default_currency: "usd",
  details_submitted: true,
  charges_enabled: true,
  payouts_enabled: true,
  livemode: false,
};

const ROUTES: Route[] = [
  { method: "POST", path: path("/v1/accounts"), handle: (s, c) => createAccount(s, c.params) },
  { method: "GET", path: path("/v1/accounts/:id"), handle: (s, c) => findAccount(s, c.ids[0]) },
  {
    method: "GET",
    path: path("/v1/account"),
    handle: (s, c) => (c.stripeAccount ? connectedAccount(s, c.stripeAccount) : PLATFORM_ACCOUNT),
  },
  { method: "POST", path: path("/v1/account_links"), handle: (s, c) => createAccountLink(s, c.params) },
  {
    method: "POST",
    path: path("/v1/transfers"),
    handle: (s, c) => (platformOnly(c), createTransfer(s, c.params, c.request)),
  },
  { method: "GET", path: path("/v1/transfers"), handle: (s, c) => (platformOnly(c), listTransfers(s, c.params)) },
  { method: "GET", path: path("/v1/transfers/:id"), handle: (s, c) => (platformOnly(c), findTransfer(s, c.ids[0])) },
  {
    method: "POST",
    path: path("/v1/transfers/:id/reversals"),
    handle: (s, c) => (platformOnly(c), createReversal(s, c.ids[0], c.params, c.request)),
  },
  {
    method: "GET",
    path: path("/v1/transfers/:id/reversals"),
    handle: (s, c) => (platformOnly(c), listReversals(s, c.ids[0], c.params)),
  },
  {
    method: "POST",
    path: path("/v1/payouts"),
    handle: (s, c) => createPayout(s, c.stripeAccount, c.params, c.request),
  },
  { method: "GET", path: path("/v1/payouts"), handle: (s, c) => listPayouts(s, c.stripeAccount, c.params) },
  {
    method: "GET",
    path: path("/v1/payouts/:id"),
    handle: (s, c) => findPayout(s, c.ids[0], requireConnected(c.stripeAccount)),
  },
  { method: "GET", path: path("/v1/balance"), handle: (s, c) => balanceBody(s, c.stripeAccount ?? "platform") },
];

export function findRoute(method: string, pathname: string) {
  for (const route of ROUTES) {
    const match = route.method === method ? route.path.exec(pathname) : null;
    if (match) return { handle: route.handle, ids: match.slice(1) };
  }
  return undefined;
}

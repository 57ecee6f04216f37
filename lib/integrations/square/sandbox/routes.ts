// The API surface the sandbox serves: method, path, how it authenticates and the operation behind it.
import type { Sandbox } from "./context";
import { insufficientScopes, missingField, notFound } from "./errors";
import { findMerchant, locationsOf, ownLocation } from "./merchants";
import { authenticate, obtainToken, revokeToken, tokenStatus } from "./oauth";
import { findOrder, merchantOfOrder } from "./orders";
import { searchOrders, type SearchOrdersBody } from "./search";
import { sellAtLocation } from "./sell";
import type { AccessTokenRecord } from "./store";

export type ApiCall = {
  body: Record<string, unknown>;
  /** The path's captured ids. */
  ids: string[];
  authorization: string | undefined;
};
type Authed = ApiCall & { token: AccessTokenRecord };
type Route =
  | { method: "GET" | "POST"; path: RegExp; scope: string; handle(sandbox: Sandbox, call: Authed): unknown }
  | { method: "POST"; path: RegExp; scope: null; handle(sandbox: Sandbox, call: ApiCall): unknown };

const ID = "([A-Za-z0-9_-]+)";
const path = (pattern: string) => new RegExp(`^${pattern.replaceAll(":id", ID)}$`);

/** The order, if it belongs to the token's merchant (another seller's order is 404, as at Square). */
function ownOrder(sandbox: Sandbox, call: Authed, orderId: string) {
  const order = findOrder(sandbox, orderId);
  if (merchantOfOrder(sandbox, order) !== call.token.merchantId) throw notFound("order", orderId);
  return order;
}

function ownRecord<T extends { location_id: string }>(sandbox: Sandbox, call: Authed, kind: string, record?: T) {
  if (!record || sandbox.state.locations[record.location_id].merchant_id !== call.token.merchantId)
    throw notFound(kind, call.ids[0]);
  return record;
}

const ROUTES: Route[] = [
  { method: "POST", path: path("/oauth2/token"), scope: null, handle: (s, c) => obtainToken(s, c.body) },
  {
    method: "POST",
    path: path("/oauth2/revoke"),
    scope: null,
    handle: (s, c) => revokeToken(s, c.authorization, c.body),
  },
  { method: "POST", path: path("/oauth2/token/status"), scope: "", handle: (s, c) => tokenStatus(c.token, s) },
  {
    method: "GET",
    path: path("/v2/merchants/:id"),
    scope: "MERCHANT_PROFILE_READ",
    handle(s, c) {
      const id = c.ids[0] === "me" ? c.token.merchantId : c.ids[0];
      if (id !== c.token.merchantId) throw notFound("merchant", id);
      return { merchant: findMerchant(s, id) };
    },
  },
  {
    method: "GET",
    path: path("/v2/locations"),
    scope: "MERCHANT_PROFILE_READ",
    handle: (s, c) => ({ locations: locationsOf(s, c.token.merchantId) }),
  },
  {
    method: "GET",
    path: path("/v2/locations/:id"),
    scope: "MERCHANT_PROFILE_READ",
    handle: (s, c) => ({ location: ownLocation(s, c.token.merchantId, c.ids[0]) }),
  },
  {
    method: "POST",
    path: path("/v2/orders/search"),
    scope: "ORDERS_READ",
    handle: (s, c) => searchOrders(s, c.token.merchantId, c.body as SearchOrdersBody),
  },
  {
    method: "POST",
    path: path("/v2/orders/batch-retrieve"),
    scope: "ORDERS_READ",
    handle(s, c) {
      const ids = c.body.order_ids;
      if (!Array.isArray(ids) || ids.length === 0) throw missingField("order_ids");
      // Square leaves out ids it cannot find rather than failing the batch.
      const orders = ids
        .map((id) => s.state.orders[String(id)])
        .filter((o) => o && merchantOfOrder(s, o) === c.token.merchantId);
      return { orders };
    },
  },
  {
    method: "GET",
    path: path("/v2/orders/:id"),
    scope: "ORDERS_READ",
    handle: (s, c) => ({ order: ownOrder(s, c, c.ids[0]) }),
  },
  {
    // the twin's own door (not Square's API): a completed sale by the token's seller
    method: "POST",
    path: path("/_sandbox/orders"),
    scope: "",
    handle: (s, c) => sellAtLocation(s, c.token.merchantId, c.body),
  },
  {
    method: "GET",
    path: path("/v2/customers/:id"),
    scope: "CUSTOMERS_READ",
    handle(s, c) {
      const found = s.state.customers[c.ids[0]];
      if (!found || found.merchant_id !== c.token.merchantId) throw notFound("customer", c.ids[0]);
      const { merchant_id: _merchant, ...customer } = found;
      return { customer };
    },
  },
  {
    method: "GET",
    path: path("/v2/payments/:id"),
    scope: "PAYMENTS_READ",
    handle: (s, c) => ({ payment: ownRecord(s, c, "payment", s.state.payments[c.ids[0]]) }),
  },
  {
    method: "GET",
    path: path("/v2/refunds/:id"),
    scope: "PAYMENTS_READ",
    handle: (s, c) => ({ refund: ownRecord(s, c, "refund", s.state.refunds[c.ids[0]]) }),
  },
];

/** Runs the route for this request, after the Bearer check and scope check it needs; undefined if none. */
export function routeRequest(sandbox: Sandbox, method: string, pathname: string, call: Omit<ApiCall, "ids">) {
  for (const route of ROUTES) {
    const match = route.method === method ? route.path.exec(pathname) : null;
    if (!match) continue;
    const ids = match.slice(1);
    if (route.scope === null) return { result: route.handle(sandbox, { ...call, ids }) };
    const token = authenticate(sandbox, call.authorization);
    if (route.scope && !token.scopes.includes(route.scope)) throw insufficientScopes(route.scope);
    return { result: route.handle(sandbox, { ...call, ids, token }) };
  }
  return undefined;
}

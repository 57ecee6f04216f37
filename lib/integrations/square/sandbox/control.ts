// control: what tests and scripts do to the sandbox that no API call does (a seller consenting
// without a browser, ringing up sales, refunding, disconnecting the app).
import type { Sandbox } from "./context";
import { createMerchant, findMerchant, locationsOf } from "./merchants";
import { DEFAULT_SCOPES, issueCode, revokeMerchant } from "./oauth";
import { createOrder, updateOrder } from "./orders";
import { refundOrder } from "./refunds";
import type { RequestLogEntry, SquareSandboxControl } from "./types";

const copy = <T>(value: T): T => structuredClone(value);

export function createControl(sandbox: Sandbox, requests: RequestLogEntry[]): SquareSandboxControl {
  const { state } = sandbox;
  const saving = <T>(result: T): T => (sandbox.save(), copy(result));
  return {
    authorize(merchantId, options = {}) {
      const merchant = merchantId ? findMerchant(sandbox, merchantId) : createMerchant(sandbox, options.businessName);
      const code = issueCode(sandbox, merchant.id, options.scopes ?? DEFAULT_SCOPES);
      return saving({ code, merchantId: merchant.id });
    },
    merchants: () => copy(Object.values(state.merchants)),
    locations: (merchantId) => copy(locationsOf(sandbox, merchantId)),
    createOrder: (merchantId, input) => saving(createOrder(sandbox, merchantId, input)),
    updateOrder: (orderId, patch) => saving(updateOrder(sandbox, orderId, patch)),
    refundOrder: (orderId, amountCents) => saving(refundOrder(sandbox, orderId, amountCents)),
    customer(customerId) {
      const found = state.customers[customerId];
      if (!found) return undefined;
      const { merchant_id: _merchant, ...customer } = found;
      return copy(customer);
    },
    revokeAuthorization(merchantId) {
      findMerchant(sandbox, merchantId);
      revokeMerchant(sandbox, merchantId, "MERCHANT");
      sandbox.save();
    },
    events: () => copy(state.events),
    deliveries: () => copy(sandbox.webhooks.deliveries),
    redeliver(eventId) {
      const event = state.events.find((e) => e.event_id === eventId);
      if (!event) throw new Error(`No event ${eventId} in the Square sandbox.`);
      return sandbox.webhooks.redeliver(event);
    },
    webhooksSettled: () => sandbox.webhooks.settled(),
    requests: () => copy(requests),
    tokens: () =>
      Object.entries(state.accessTokens).map(([accessToken, t]) => ({
        accessToken,
        refreshToken: t.refreshToken,
        merchantId: t.merchantId,
        scopes: [...t.scopes],
        expiresAt: new Date(t.expiresAt),
        revoked: t.revoked,
      })),
  };
}

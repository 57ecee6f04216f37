// One API request, in Stripe's order: authentication, injected faults, the Stripe-Account check,
// the route, idempotency, then the operation and its (stored) answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import qs from "qs";
import Stripe from "stripe";
import type { Sandbox } from "./context";
import { accountInvalid, apiError, authenticationFailed, SandboxApiError, unknownRoute } from "./errors";
import { sendJson } from "./http";
import { newId } from "./ids";
import { createIdempotency, type IdempotencyCheck } from "./idempotency";
import type { Params } from "./params";
import { findRoute } from "./routes";
import type { Fault, RequestLogEntry } from "./types";

const faultName = (fault: Fault): RequestLogEntry["fault"] =>
  "drop" in fault ? `drop_${fault.drop}` : "status" in fault ? "error" : "delay";

const errorBody = (error: SandboxApiError) => JSON.stringify({ error: error.body }, null, 2);

function faultError(fault: Extract<Fault, { status: number }>): SandboxApiError {
  const type =
    fault.status === 429
      ? "rate_limit_error"
      : (fault.error.type ?? (fault.status >= 500 ? "api_error" : "invalid_request_error"));
  const code = fault.error.code ?? (fault.status === 429 ? "rate_limit" : undefined);
  return new SandboxApiError(fault.status, { ...fault.error, type, ...(code && { code }) });
}

export function createApiHandler(options: {
  sandbox: Sandbox;
  secretKey: string;
  intercept?: (request: { method: string; path: string }) => Fault | undefined;
  requests: RequestLogEntry[];
}) {
  const { sandbox, secretKey, requests } = options;
  const idempotency = createIdempotency(sandbox.state);

  return async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const method = req.method ?? "GET";
    const header = (name: string) => (req.headers[name] as string | undefined) || undefined;
    const stripeAccount = header("stripe-account");
    const idempotencyKey = method === "POST" ? header("idempotency-key") : undefined;
    const requestId = newId("req");
    const entry: RequestLogEntry = {
      requestId,
      method,
      path: url.pathname,
      stripeAccount: stripeAccount ?? null,
      idempotencyKey: idempotencyKey ?? null,
      status: null,
      replayed: false,
    };
    requests.push(entry);
    const baseHeaders = {
      "request-id": requestId,
      "stripe-version": header("stripe-version") ?? Stripe.API_VERSION,
      ...(idempotencyKey && { "idempotency-key": idempotencyKey }),
    };
    const answer = (status: number, text: string, extra: Record<string, string> = {}) => {
      entry.status = status;
      sendJson(res, status, text, { ...baseHeaders, ...extra });
    };
    const refuse = (error: SandboxApiError) => answer(error.status, errorBody(error));
    const drop = () => void req.socket.destroy();

    const presented = /^Bearer (.+)$/i.exec(header("authorization") ?? "")?.[1];
    if (presented !== secretKey) return refuse(authenticationFailed(presented));
    const fault = options.intercept?.({ method, path: url.pathname });
    if (fault) entry.fault = faultName(fault);
    if (fault && "status" in fault) return refuse(faultError(fault));
    if (fault && "drop" in fault && fault.drop === "before") return drop();
    const dropAfter = fault !== undefined && "drop" in fault;

    const route = findRoute(method, url.pathname);
    if (!route) return refuse(unknownRoute(method, url.pathname));
    if (stripeAccount && !sandbox.state.accounts[stripeAccount]) return refuse(accountInvalid(stripeAccount));
    const params = qs.parse(method === "POST" ? body : url.search.slice(1), { depth: 10, arrayLimit: 100 }) as Params;

    let check: IdempotencyCheck | undefined;
    try {
      if (idempotencyKey)
        check = idempotency.check(stripeAccount ?? "platform", idempotencyKey, method, url.pathname, params);
    } catch (err) {
      return refuse(err as SandboxApiError);
    }
    if (check?.kind === "replay") {
      entry.replayed = true;
      if (dropAfter) return drop();
      const stored = check.response;
      return answer(stored.status, stored.body, {
        "idempotent-replayed": "true",
        "original-request": stored.requestId,
      });
    }

    let status = 200;
    let text: string;
    try {
      if (fault && "delayMs" in fault) await sleep(fault.delayMs);
      const result = route.handle(sandbox, {
        params,
        stripeAccount,
        request: { id: requestId, idempotency_key: idempotencyKey ?? null },
        ids: route.ids,
      });
      text = JSON.stringify(result, null, 2);
    } catch (err) {
      const error = err instanceof SandboxApiError ? err : (console.error("[stripe-sandbox]", err), apiError());
      status = error.status;
      text = errorBody(error);
    }
    check?.finish({ status, body: text, requestId });
    if (method === "POST") sandbox.save();
    if (dropAfter) return drop();
    answer(status, text);
  };
}

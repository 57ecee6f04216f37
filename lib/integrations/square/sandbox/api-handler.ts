// One API request: the request log, injected faults, the route (with its Bearer check), then the
// JSON answer or Square's error envelope.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Sandbox } from "./context";
import { badRequest, errorsForStatus, internalError, SandboxApiError, unknownRoute } from "./errors";
import { sendHtml, sendJson } from "./http";
import { gatewayErrorPage } from "./pages";
import { routeRequest } from "./routes";
import type { Fault, RequestLogEntry } from "./types";

const SQUARE_VERSION = "2026-09-16";

const faultName = (fault: Fault): RequestLogEntry["fault"] =>
  "drop" in fault ? `drop_${fault.drop}` : "html" in fault ? "html" : "status" in fault ? "error" : "delay";

function parseBody(text: string): Record<string, unknown> {
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
  return value as Record<string, unknown>;
}

export function createApiHandler(options: {
  sandbox: Sandbox;
  intercept?: (request: { method: string; path: string }) => Fault | undefined;
  requests: RequestLogEntry[];
}) {
  const { sandbox, requests } = options;

  return async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL, text: string) {
    const method = req.method ?? "GET";
    const squareVersion = (req.headers["square-version"] as string | undefined) ?? null;
    const entry: RequestLogEntry = { method, path: url.pathname, squareVersion, body: null, status: null };
    requests.push(entry);
    const answer = (status: number, body: unknown) => {
      entry.status = status;
      sendJson(res, status, JSON.stringify(body), { "square-version": squareVersion ?? SQUARE_VERSION });
    };
    const refuse = (error: SandboxApiError) => answer(error.status, { errors: error.errors });
    const drop = () => void req.socket.destroy();

    let body: Record<string, unknown>;
    try {
      body = parseBody(text);
      entry.body = text ? body : null;
    } catch {
      return refuse(badRequest("The request body is not a JSON object."));
    }
    const fault = options.intercept?.({ method, path: url.pathname });
    if (fault) entry.fault = faultName(fault);
    if (fault && "html" in fault) {
      entry.status = fault.status;
      return sendHtml(res, fault.status, gatewayErrorPage(fault.status));
    }
    if (fault && "status" in fault)
      return refuse(new SandboxApiError(fault.status, fault.errors ?? errorsForStatus(fault.status)));
    if (fault && "drop" in fault && fault.drop === "before") return drop();
    if (fault && "delayMs" in fault) await sleep(fault.delayMs);

    let status = 200;
    let result: unknown;
    try {
      const routed = routeRequest(sandbox, method, url.pathname, { body, authorization: req.headers.authorization });
      if (!routed) throw unknownRoute(method, url.pathname);
      result = routed.result;
    } catch (err) {
      const error = err instanceof SandboxApiError ? err : (console.error("[square-sandbox]", err), internalError());
      status = error.status;
      result = { errors: error.errors };
    }
    if (method === "POST") sandbox.save();
    if (fault && "drop" in fault) return drop();
    answer(status, result);
  };
}

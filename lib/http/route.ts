import { NextResponse, type NextRequest } from "next/server";
import { ZodError } from "zod";
import { ensureRequestId, recordHttp, requestLogger, REQUEST_ID_HEADER } from "@/lib/observability";
import { AppError, GENERIC_MESSAGE, type ErrorBody } from "@/lib/errors";
import type pino from "pino";

export type RouteContext<P = Record<string, string>> = {
  requestId: string;
  log: pino.Logger;
  params: P;
};

type Handler<P> = (req: NextRequest, ctx: RouteContext<P>) => Promise<Response>;

/**
 * The one way to write a route handler: request id, JSON log line, metrics, and
 * errors mapped to `{ error: { code, message } }` (unknown errors hidden behind a generic message).
 */
export function route<P = Record<string, string>>(name: string, handler: Handler<P>) {
  return async (req: NextRequest, segment: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = ensureRequestId(req.headers.get(REQUEST_ID_HEADER));
    const log = requestLogger(requestId);
    let res: Response;
    try {
      res = await handler(req, { requestId, log, params: (await segment?.params) ?? ({} as P) });
    } catch (err) {
      res = errorResponse(err, requestId, log);
    }
    res.headers.set(REQUEST_ID_HEADER, requestId);
    const seconds = (performance.now() - started) / 1000;
    recordHttp(req.method, name, res.status, seconds);
    log.info({ method: req.method, route: name, status: res.status, ms: Math.round(seconds * 1000) }, "request");
    return res;
  };
}

export function errorResponse(err: unknown, requestId: string, log: pino.Logger): Response {
  if (err instanceof AppError) {
    return json<ErrorBody>({ error: { code: err.code, message: err.message } }, err.status, err.headers);
  }
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    return json<ErrorBody>({ error: { code: "invalid_input", message } }, 422);
  }
  log.error({ err }, "unhandled error");
  return json<ErrorBody>({ error: { code: "internal", message: GENERIC_MESSAGE, requestId } }, 500);
}

export function json<T>(body: T, status = 200, headers: Record<string, string> = {}): Response {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

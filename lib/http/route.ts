import { NextResponse, type NextRequest } from "next/server";
import { z, ZodError } from "zod";
import type pino from "pino";
import {
  actorOf,
  assertSameOrigin,
  authorize,
  metaFromHeaders,
  sessionFromRequest,
  type CurrentSession,
  type RequestMeta,
} from "@/lib/auth";
import type { Actor, Permission } from "@/lib/access";
import { AppError, GENERIC_MESSAGE, type ErrorBody } from "@/lib/errors";
import {
  ensureRequestId,
  inSpan,
  recordError,
  recordHttp,
  requestLogger,
  REQUEST_ID_HEADER,
} from "@/lib/observability";
import { assertNoControlCharsInRequest, issueSentence, parseForPerson } from "@/lib/validation";
import { JSON_BODY_LIMIT, readBodyText } from "./read-body";
import { setApiSecurityHeaders } from "./security-headers";

type Schema = z.ZodType;
type Parsed<S, Otherwise> = S extends Schema ? z.output<S> : Otherwise;
type Signed<P, T> = [P] extends ["public"] ? null : T;

/** What a handler receives: the request, who is asking (checked), and its parsed input. */
export type RouteContext<
  P extends Permission | "public" = "public",
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
> = {
  req: NextRequest;
  /** `null` on public routes: they never look the session up. */
  session: Signed<P, CurrentSession>;
  actor: Signed<P, Actor>;
  body: Parsed<B, undefined>;
  query: Parsed<Q, undefined>;
  params: Parsed<R, Record<string, string>>;
  meta: RequestMeta;
  log: pino.Logger;
  requestId: string;
};

export type RouteSpec<P, B, Q, R> = {
  /** The route's path pattern, for the log line and the metrics label. */
  name: string;
  /** Who may call it; "public" skips the session (webhooks, callbacks, probes). */
  permission: P;
  /** Origin check; on by default for every method but GET/HEAD. `false` for webhooks and provider callbacks. */
  sameOrigin?: boolean;
  /** JSON body schema; a body that is not JSON is a 400, a body the schema refuses a 422. */
  body?: B;
  /** The largest body read, checked before anything parses it (413 past it); default JSON_BODY_LIMIT. */
  bodyLimit?: number;
  /** Search-params schema (first value of each name). */
  query?: Q;
  /** Path-params schema. */
  params?: R;
};

/**
 * The one way to write a route handler: session → permission (401/403) → origin (403) →
 * parse body/query/params (400/422) → handler → a plain value answers JSON 200, a Response
 * passes through. Every request gets a request id, one JSON log line and the HTTP metrics, and
 * every answer the security headers the proxy would add (it does not run on the API: proxy.ts);
 * errors map to `{ error: { code, message } }` (unknown errors hidden behind a generic message).
 */
export function route<
  P extends Permission | "public",
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(spec: RouteSpec<P, B, Q, R>, handler: (ctx: RouteContext<P, B, Q, R>) => Promise<unknown>) {
  return (req: NextRequest, segment: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = ensureRequestId(req.headers.get(REQUEST_ID_HEADER));
    const attributes = { "http.request.method": req.method, "http.route": spec.name, "request.id": requestId };
    return inSpan(`${req.method} ${spec.name}`, attributes, async (span) => {
      const started = performance.now();
      const log = requestLogger(requestId);
      let res: Response;
      try {
        const ctx = await prepare(spec, req, (await segment?.params) ?? {}, requestId, log);
        const out = await handler(ctx as RouteContext<P, B, Q, R>);
        res = out instanceof Response ? out : json(out);
      } catch (err) {
        res = errorResponse(err, requestId, log);
      }
      res.headers.set(REQUEST_ID_HEADER, requestId);
      setApiSecurityHeaders(res.headers);
      span.setAttribute("http.response.status_code", res.status);
      const seconds = (performance.now() - started) / 1000;
      recordHttp(req.method, spec.name, res.status, seconds);
      log.info({ method: req.method, route: spec.name, status: res.status, ms: Math.round(seconds * 1000) }, "request");
      return res;
    });
  };
}

async function prepare(
  spec: RouteSpec<Permission | "public", Schema | undefined, Schema | undefined, Schema | undefined>,
  req: NextRequest,
  rawParams: Record<string, string>,
  requestId: string,
  log: pino.Logger,
) {
  let session: CurrentSession | null = null;
  if (spec.permission !== "public") session = authorize(await sessionFromRequest(req), spec.permission);
  if (spec.sameOrigin ?? !SAFE_METHODS.has(req.method)) assertSameOrigin(req.headers);
  const bodyLimit = spec.bodyLimit ?? JSON_BODY_LIMIT;
  // read once, capped (413 past the limit) before anything parses it: from the request itself when
  // the spec parses it (the handler gets `body`), else from a copy, since the handler reads its own
  const hasBody = !SAFE_METHODS.has(req.method) && req.body !== null;
  const text = hasBody ? await readBodyText(spec.body ? req : req.clone(), bodyLimit) : undefined;
  await assertNoControlCharsInRequest(req, rawParams, text);
  return {
    req,
    session,
    actor: session ? actorOf(session) : null,
    params: spec.params ? parse(spec.params, rawParams) : rawParams,
    query: spec.query ? parse(spec.query, firstValues(req.nextUrl.searchParams)) : undefined,
    body: spec.body ? parse(spec.body, parseJson(text ?? "")) : undefined,
    meta: { ...metaFromHeaders(req.headers), requestId },
    log,
    requestId,
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("malformed_request", "The request body must be JSON.");
  }
}

/** Every input a handler sees went through its schema; a refusal names the field. */
function parse<S extends Schema>(schema: S, raw: unknown): z.output<S> {
  const parsed = parseForPerson(schema, raw);
  if (!parsed.success) throw new AppError("invalid_input", readableIssues(parsed.error));
  return parsed.data;
}

function firstValues(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of search) out[key] ??= value;
  return out;
}

/** Each issue with its field; zod's own wording (a schema a handler parsed itself) told as a sentence. */
function readableIssues(err: ZodError): string {
  return err.issues.map((i) => `${i.path.join(".") || "input"}: ${issueSentence(i)}`).join(" ");
}

export function errorResponse(err: unknown, requestId: string, log: pino.Logger): Response {
  if (err instanceof AppError) {
    return json<ErrorBody>({ error: { code: err.code, message: err.message } }, err.status, err.headers);
  }
  if (err instanceof ZodError) {
    return json<ErrorBody>({ error: { code: "invalid_input", message: readableIssues(err) } }, 422);
  }
  recordError(err, requestId);
  log.error({ err }, "unhandled error");
  return json<ErrorBody>({ error: { code: "internal", message: GENERIC_MESSAGE, requestId } }, 500);
}

/**
 * Next gzips every response its client accepts gzip for (`compress`), before it knows the size:
 * for a body of a few dozen bytes that is CPU and a larger answer for nothing. `no-transform` is
 * the one per-response opt-out its compression honours, so bodies below the size compression
 * itself would skip (1 KB) carry it; larger ones are compressed as before.
 */
const COMPRESS_FROM_BYTES = 1024;

export function json<T>(body: T, status = 200, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const cacheControl = Buffer.byteLength(text) < COMPRESS_FROM_BYTES ? "no-store, no-transform" : "no-store";
  return new NextResponse(text, {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": cacheControl, ...headers },
  });
}

import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

// Smartcar's wire format as the `smartcar` SDK 10.x speaks it: the token endpoint on the auth origin
// (POST /oauth/token, form body, HTTP Basic client auth) and API v2.0 on the API origin (Bearer auth).

export type FakeVehicle = {
  id: string;
  make: string;
  model: string;
  year: number;
  /** 0..1, as Smartcar reports it. */
  percentRemaining: number;
  /** km (the SDK asks for metric). */
  range: number;
  isPluggedIn: boolean;
  state: "CHARGING" | "FULLY_CHARGED" | "NOT_CHARGING";
  latitude: number;
  longitude: number;
  /** `sc-data-age`: when the car last reported; now when unset. */
  dataAge?: Date;
  /** Endpoints the driver did not grant: answered 403 PERMISSION. */
  denied?: Array<"battery" | "charge" | "location">;
};

type FailureKind = "500" | "429" | "timeout" | "revoked";
type Failure = { kind: FailureKind; retryAfter: number };
type Grant = { vehicleIds: Set<string>; expiresAt: number };

export type FakeSmartcarRequest = { origin: "auth" | "api"; method: string; path: string };

export type FakeSmartcar = {
  authOrigin: string;
  apiOrigin: string;
  clientId: string;
  clientSecret: string;
  vehicles: Map<string, FakeVehicle>;
  /** Every request that reached the fake, in order (failures included). */
  requests: FakeSmartcarRequest[];
  /** Vehicle ids whose application access was DELETEd. */
  disconnected: string[];
  setTelemetry(vehicleId: string, partial: Partial<Omit<FakeVehicle, "id">>): void;
  /** The next `times` requests (either origin) fail this way; `retryAfter` (seconds) goes with 429s. */
  failNext(kind: FailureKind, opts?: { times?: number; retryAfter?: number }): void;
  clearFailures(): void;
  /** A fresh authorization code, good for one exchange, granting every vehicle in `vehicles`. */
  issuedCode(): string;
  close(): Promise<void>;
};

const ACCESS_TTL_S = 7200;
const REFRESH_TTL_S = 60 * 24 * 3600;
const token = () => randomUUID();

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "sc-request-id": randomUUID(),
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Smartcar's v2 error body. */
function apiError(
  res: http.ServerResponse,
  status: number,
  type: string,
  code: string | null,
  description: string,
  extra: {
    resolution?: string;
    headers?: Record<string, string>;
  } = {},
): void {
  const requestId = randomUUID();
  send(
    res,
    status,
    {
      type,
      code,
      description,
      statusCode: status,
      requestId,
      docURL: `https://smartcar.com/docs/errors/api-errors/${type.toLowerCase().replace(/_/g, "-")}-errors#${(code ?? "null").toLowerCase()}`,
      resolution: { type: extra.resolution ?? null },
      detail: null,
      suggestedUserMessage: status >= 500 ? "Something went wrong. Please try again." : null,
    },
    { "sc-request-id": requestId, ...extra.headers },
  );
}

/** The token endpoint answers OAuth-style errors. */
const oauthError = (res: http.ServerResponse, status: number, error: string, description: string) =>
  send(res, status, { error, error_description: description });

export async function startFakeSmartcar(
  opts: {
    port?: number;
    clientId?: string;
    clientSecret?: string;
    redirectUri?: string;
    vehicles?: FakeVehicle[];
    /**
     * Connect as a driver sees it (e2e): /oauth/authorize shows a consent page with Allow and Deny,
     * and each Allow brings a car of its own, made by this function, granted alone.
     */
    connect?: { newVehicle: () => FakeVehicle };
  } = {},
): Promise<FakeSmartcar> {
  const clientId = opts.clientId ?? "fake-client-id";
  const clientSecret = opts.clientSecret ?? "fake-client-secret";
  const expectedBasic = "Basic " + Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
  const vehicles = new Map<string, FakeVehicle>();
  for (const v of opts.vehicles ?? [
    {
      id: randomUUID(),
      make: "TESLA",
      model: "Model 3",
      year: 2023,
      percentRemaining: 0.62,
      range: 301.5,
      isPluggedIn: false,
      state: "NOT_CHARGING",
      latitude: 30.2672,
      longitude: -97.7431,
    } satisfies FakeVehicle,
  ])
    vehicles.set(v.id, { ...v });

  const codes = new Map<string, Set<string>>(); // code → the vehicles it grants
  const accessTokens = new Map<string, Grant>();
  const refreshTokens = new Map<string, Set<string>>(); // single use: rotated on every refresh
  const failures: Failure[] = [];
  const requests: FakeSmartcarRequest[] = [];
  const disconnected: string[] = [];

  function issueTokens(vehicleIds: Set<string>) {
    const access = token();
    const refresh = token();
    accessTokens.set(access, { vehicleIds, expiresAt: Date.now() + ACCESS_TTL_S * 1000 });
    refreshTokens.set(refresh, vehicleIds);
    return {
      access_token: access,
      token_type: "Bearer",
      expires_in: ACCESS_TTL_S,
      refresh_token: refresh,
      refresh_expires_in: REFRESH_TTL_S,
    };
  }

  function tokenEndpoint(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    if (req.headers.authorization !== expectedBasic)
      return oauthError(res, 401, "invalid_client", "Invalid client credentials.");
    if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
      return oauthError(res, 400, "invalid_request", "Expected a form-encoded body.");
    }
    const form = new URLSearchParams(body);
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") {
      const code = form.get("code") ?? "";
      if (opts.redirectUri && form.get("redirect_uri") !== opts.redirectUri) {
        return oauthError(res, 400, "invalid_grant", "redirect_uri does not match the authorization request.");
      }
      const granted = codes.get(code);
      if (!granted || !codes.delete(code))
        return oauthError(res, 400, "invalid_grant", "Invalid or expired authorization code.");
      return send(res, 200, issueTokens(granted));
    }
    if (grantType === "refresh_token") {
      const refresh = form.get("refresh_token") ?? "";
      const granted = refreshTokens.get(refresh);
      if (!granted) return oauthError(res, 400, "invalid_grant", "Invalid or expired refresh token.");
      refreshTokens.delete(refresh);
      return send(res, 200, issueTokens(granted));
    }
    return oauthError(res, 400, "unsupported_grant_type", "Unsupported grant type.");
  }

  function vehicleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    // The SDK lists vehicles at `/v2.0/vehicles/` and reads attributes at `/v2.0/vehicles/:id/` (trailing slashes).
    const route = /^\/v2\.0\/vehicles(?:\/([^/]+)?(\/.*)?)?$/.exec(url.pathname);
    if (!route) return apiError(res, 404, "RESOURCE_NOT_FOUND", "PATH", "The requested resource does not exist.");
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const grant = bearer ? accessTokens.get(bearer) : undefined;
    if (!grant || grant.expiresAt <= Date.now()) {
      return apiError(
        res,
        401,
        "AUTHENTICATION",
        null,
        "The authorization header is missing or malformed, or it contains invalid or expired authentication credentials.",
        { resolution: "REAUTHENTICATE" },
      );
    }
    const [, id, rest = ""] = route;
    if (!id) {
      if (req.method !== "GET" || rest) return apiError(res, 404, "RESOURCE_NOT_FOUND", "PATH", "No such route.");
      const ids = [...grant.vehicleIds];
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 10);
      return send(res, 200, { vehicles: ids.slice(offset, offset + limit), paging: { count: ids.length, offset } });
    }
    const car = vehicles.get(id);
    if (!car || !grant.vehicleIds.has(id)) {
      return apiError(
        res,
        404,
        "RESOURCE_NOT_FOUND",
        "PATH",
        "The vehicle does not exist or is not connected to this token.",
      );
    }
    const meta = {
      "sc-data-age": (car.dataAge ?? new Date()).toISOString(),
      "sc-fetched-at": new Date().toISOString(),
      "sc-unit-system": "metric",
    };
    const ep = `${req.method} ${rest}`;
    if (car.denied?.some((d) => ep === `GET /${d}`)) {
      return apiError(
        res,
        403,
        "PERMISSION",
        null,
        "Your application does not have permission to access this endpoint.",
        {
          resolution: "REAUTHENTICATE",
        },
      );
    }
    if (ep === "GET /" || ep === "GET ")
      return send(res, 200, { id: car.id, make: car.make, model: car.model, year: car.year }, meta);
    if (ep === "GET /battery")
      return send(res, 200, { percentRemaining: car.percentRemaining, range: car.range }, meta);
    if (ep === "GET /charge") return send(res, 200, { isPluggedIn: car.isPluggedIn, state: car.state }, meta);
    if (ep === "GET /location") return send(res, 200, { latitude: car.latitude, longitude: car.longitude }, meta);
    if (ep === "DELETE /application") {
      for (const g of accessTokens.values()) g.vehicleIds.delete(id);
      disconnected.push(id);
      return send(res, 200, { status: "success" });
    }
    return apiError(res, 404, "RESOURCE_NOT_FOUND", "PATH", "No such route.");
  }

  /**
   * Connect's authorize page. Without `connect`, it approves at once: a redirect to redirect_uri with
   * a code and the state. With it, a consent page whose Allow link goes to /oauth/approve.
   */
  function authorize(res: http.ServerResponse, url: URL): void {
    const redirect = url.searchParams.get("redirect_uri");
    if (url.searchParams.get("client_id") !== clientId || !redirect)
      return oauthError(res, 400, "invalid_request", "Unknown client.");
    const back = (params: Record<string, string>) => {
      const target = new URL(redirect);
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      const state = url.searchParams.get("state");
      if (state) target.searchParams.set("state", state);
      return target.toString();
    };
    if (!opts.connect) return void res.writeHead(302, { location: back({ code: issuedCode() }) }).end();
    const approve = `/oauth/approve?${new URLSearchParams({ redirect_uri: back({}) })}`;
    const deny = back({ error: "access_denied" });
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Smartcar Connect (fake)</title></head>` +
          `<body><main><h1>Allow Nerava to access your vehicle?</h1>` +
          `<p>Battery, charging state and location. This is the test stand-in for Smartcar Connect.</p>` +
          `<a href="${escape(approve)}">Allow</a> <a href="${escape(deny)}">Deny</a></main></body></html>`,
      );
  }

  /** Allow on the consent page: a new car, granted alone by a fresh code. */
  function approve(res: http.ServerResponse, url: URL): void {
    const car = opts.connect!.newVehicle();
    vehicles.set(car.id, { ...car });
    const target = new URL(url.searchParams.get("redirect_uri") ?? "");
    target.searchParams.set("code", issuedCode([car.id]));
    res.writeHead(302, { location: target.toString() }).end();
  }

  function fail(origin: "auth" | "api", res: http.ServerResponse, failure: Failure): void {
    if (failure.kind === "timeout") return; // never answered: the client's timeout has to fire
    if (failure.kind === "500")
      return apiError(res, 500, "SERVER", "INTERNAL", "Smartcar ran into an unexpected issue.", {
        resolution: "RETRY_LATER",
      });
    if (failure.kind === "429") {
      return apiError(
        res,
        429,
        "RATE_LIMIT",
        "VEHICLE",
        "You have reached the throttling rate limit for this vehicle.",
        {
          resolution: "RETRY_LATER",
          headers: { "retry-after": String(failure.retryAfter) },
        },
      );
    }
    if (origin === "auth") return oauthError(res, 400, "invalid_grant", "Invalid or expired refresh token.");
    apiError(res, 401, "AUTHENTICATION", null, "The access token has been revoked.", { resolution: "REAUTHENTICATE" });
  }

  function handler(origin: "auth" | "api") {
    return (req: http.IncomingMessage, res: http.ServerResponse) => {
      const url = new URL(req.url ?? "/", "http://fake");
      let body = "";
      req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        if (origin === "api" && req.method === "GET" && url.pathname === "/oauth/authorize") return authorize(res, url);
        if (origin === "api" && opts.connect && req.method === "GET" && url.pathname === "/oauth/approve")
          return approve(res, url);
        requests.push({ origin, method: req.method ?? "GET", path: url.pathname });
        const failure = failures.shift();
        if (failure) return fail(origin, res, failure);
        if (origin === "auth") {
          if (req.method === "POST" && url.pathname === "/oauth/token") return tokenEndpoint(req, res, body);
          return oauthError(res, 404, "not_found", "No such route.");
        }
        vehicleApi(req, res, url);
      });
    };
  }

  const listen = async (server: http.Server, port: number) => {
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const authServer = http.createServer(handler("auth"));
  const apiServer = http.createServer(handler("api"));
  const authOrigin = await listen(authServer, opts.port ?? 0);
  const apiOrigin = await listen(apiServer, opts.port ? opts.port + 1 : 0);

  function issuedCode(vehicleIds: Iterable<string> = vehicles.keys()): string {
    const code = randomBytes(16).toString("hex");
    codes.set(code, new Set(vehicleIds));
    return code;
  }

  const closeServer = (server: http.Server) =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections(); // includes requests left hanging by "timeout"
    });

  return {
    authOrigin,
    apiOrigin,
    clientId,
    clientSecret,
    vehicles,
    requests,
    disconnected,
    setTelemetry(vehicleId, partial) {
      const car = vehicles.get(vehicleId);
      if (!car) throw new Error(`fake smartcar: no vehicle ${vehicleId}`);
      Object.assign(car, partial);
    },
    failNext(kind, { times = 1, retryAfter = 1 } = {}) {
      for (let i = 0; i < times; i++) failures.push({ kind, retryAfter });
    },
    clearFailures: () => void failures.splice(0),
    issuedCode,
    close: async () => {
      await Promise.all([closeServer(authServer), closeServer(apiServer)]);
    },
  };
}

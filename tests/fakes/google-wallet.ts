import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { jwtVerify } from "jose";

// Google Wallet on 127.0.0.1: the OAuth token endpoint for a service account's JWT-bearer
// assertion (signature checked against the account's public key, claims checked) and the Wallet
// REST API under /walletobjects/v1 (loyaltyClass and loyaltyObject: get, insert with 409 on a
// duplicate, patch with 404 on a missing object; Bearer tokens it issued only). Records every
// request; a test can queue 429 / 500 / malformed-JSON answers.

export const WALLET_SCOPE = "https://www.googleapis.com/auth/wallet_object.issuer";
const API = "/walletobjects/v1";

/** A throwaway service account: its key file text (pointing at `tokenUri`) and public key. */
export function makeServiceAccount(
  clientEmail = `wallet-${randomBytes(3).toString("hex")}@nerava-test.iam.gserviceaccount.com`,
) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return {
    clientEmail,
    publicKey,
    /** The JSON key text as Google hands it out (GOOGLE_WALLET_SERVICE_ACCOUNT). */
    json: (tokenUri?: string) =>
      JSON.stringify({
        type: "service_account",
        project_id: "nerava-test",
        private_key_id: randomBytes(20).toString("hex"),
        private_key: privatePem,
        client_email: clientEmail,
        ...(tokenUri ? { token_uri: tokenUri } : {}),
      }),
  };
}

export type FakeWalletRequest = { method: string; path: string; body: unknown; status: number };
type Failure = { kind: 429 | 500 | "malformed"; method?: string; path?: string };
type Resource = Record<string, unknown>;

export type FakeGoogleWallet = {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The token endpoint (the service account's token_uri). */
  tokenUri: string;
  /** The REST base (GOOGLE_WALLET_API_BASE). */
  apiBase: string;
  classes: Map<string, Resource>;
  objects: Map<string, Resource>;
  /** REST requests (not token requests), in order. */
  requests: FakeWalletRequest[];
  tokenRequests: { status: number; error?: string }[];
  /** The next matching REST request(s) fail this way. */
  failNext(kind: Failure["kind"], opts?: { times?: number; method?: string; path?: string }): void;
  close(): Promise<void>;
};

const send = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
const googleError = (res: http.ServerResponse, code: number, status: string, message: string) =>
  send(res, code, { error: { code, message, status } });

const isPlain = (v: unknown): v is Resource => typeof v === "object" && v !== null && !Array.isArray(v);
/** Patch semantics: fields present replace, nested objects merge, arrays are replaced whole. */
function merge(target: Resource, patch: Resource): Resource {
  const out: Resource = { ...target };
  for (const [k, v] of Object.entries(patch)) out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k] as Resource, v) : v;
  return out;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeGoogleWallet(opts: {
  port?: number;
  serviceAccountPublicKey: KeyObject;
  /** When given, the assertion's iss must be this email. */
  clientEmail?: string;
  issuerId: string;
}): Promise<FakeGoogleWallet> {
  const tokens = new Set<string>();
  const failures: Failure[] = [];
  const fake = {
    url: "",
    tokenUri: "",
    apiBase: "",
    classes: new Map<string, Resource>(),
    objects: new Map<string, Resource>(),
    requests: [] as FakeWalletRequest[],
    tokenRequests: [] as { status: number; error?: string }[],
  };

  async function token(req: http.IncomingMessage, res: http.ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const refuse = (error: string, description: string) => {
      fake.tokenRequests.push({ status: 400, error: description });
      send(res, 400, { error, error_description: description });
    };
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer")
      return refuse("unsupported_grant_type", "Invalid grant_type");
    try {
      const { payload, protectedHeader } = await jwtVerify(form.get("assertion") ?? "", opts.serviceAccountPublicKey, {
        algorithms: ["RS256"],
        audience: fake.tokenUri,
        ...(opts.clientEmail ? { issuer: opts.clientEmail } : {}),
        requiredClaims: ["iss", "iat", "exp"],
      });
      if (protectedHeader.alg !== "RS256") return refuse("invalid_grant", "Invalid JWT alg");
      if (payload.scope !== WALLET_SCOPE) return refuse("invalid_scope", "Invalid OAuth scope");
      if (payload.exp! > payload.iat! + 3600) return refuse("invalid_grant", "Invalid JWT: exp too far in the future");
    } catch (err) {
      return refuse("invalid_grant", `Invalid JWT Signature or claims (${(err as Error).message})`);
    }
    const accessToken = `ya29.fake-${randomBytes(12).toString("hex")}`;
    tokens.add(accessToken);
    fake.tokenRequests.push({ status: 200 });
    send(res, 200, { access_token: accessToken, expires_in: 3599, token_type: "Bearer" });
  }

  function api(method: string, path: string, body: unknown, res: http.ServerResponse): number {
    const reply = (status: number, payload: unknown) => (send(res, status, payload), status);
    const fail = (code: number, status: string, message: string) => (googleError(res, code, status, message), code);
    const [, kind, rawId] = /^\/(loyaltyClass|loyaltyObject)(?:\/([^/]+))?$/.exec(path) ?? [];
    if (!kind) return fail(404, "NOT_FOUND", `No route ${method} ${path}`);
    const store = kind === "loyaltyClass" ? fake.classes : fake.objects;
    const id = rawId ? decodeURIComponent(rawId) : undefined;
    if (method === "POST" && !id) {
      const resource = isPlain(body) ? body : null;
      const newId = typeof resource?.id === "string" ? resource.id : "";
      if (!resource || !/^\d+\.[A-Za-z0-9._-]+$/.test(newId))
        return fail(400, "INVALID_ARGUMENT", "Invalid resource id");
      if (!newId.startsWith(`${opts.issuerId}.`))
        return fail(403, "PERMISSION_DENIED", "The caller does not have permission for this issuer");
      if (kind === "loyaltyObject" && !fake.classes.has(String(resource.classId)))
        return fail(404, "NOT_FOUND", `Class ${String(resource.classId)} not found`);
      if (store.has(newId)) return fail(409, "ALREADY_EXISTS", `Resource ${newId} already exists`);
      store.set(newId, resource);
      return reply(200, resource);
    }
    if (!id) return fail(404, "NOT_FOUND", "Missing id");
    const found = store.get(id);
    if (method === "GET") return found ? reply(200, found) : fail(404, "NOT_FOUND", `Resource ${id} not found`);
    if (method === "PATCH") {
      if (!found) return fail(404, "NOT_FOUND", `Resource ${id} not found`);
      if (!isPlain(body)) return fail(400, "INVALID_ARGUMENT", "Body must be an object");
      const updated = merge(found, { ...body, id });
      store.set(id, updated);
      return reply(200, updated);
    }
    return fail(405, "METHOD_NOT_ALLOWED", `${method} not allowed`);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      const method = req.method ?? "GET";
      if (method === "POST" && path === "/token") return token(req, res);
      if (!path.startsWith(`${API}/`)) return googleError(res, 404, "NOT_FOUND", "Not found");
      const sub = path.slice(API.length);
      const text = await readBody(req);
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const record = (status: number) => fake.requests.push({ method, path: sub, body, status });
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!bearer || !tokens.has(bearer)) {
        record(401);
        return googleError(res, 401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
      }
      const i = failures.findIndex((f) => (!f.method || f.method === method) && (!f.path || sub.startsWith(f.path)));
      if (i >= 0) {
        const [f] = failures.splice(i, 1);
        if (f.kind === "malformed") {
          record(200);
          return res.writeHead(200, { "Content-Type": "application/json" }).end('{"id": "trunc');
        }
        record(f.kind);
        const status = f.kind === 429 ? "RESOURCE_EXHAUSTED" : "INTERNAL";
        return googleError(res, f.kind, status, f.kind === 429 ? "Quota exceeded" : "Internal error encountered.");
      }
      record(api(method, sub, body, res));
    })().catch((err: unknown) => googleError(res, 500, "INTERNAL", String(err)));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.tokenUri = `${fake.url}/token`;
  fake.apiBase = `${fake.url}${API}`;
  return Object.assign(fake, {
    failNext(kind: Failure["kind"], o: { times?: number; method?: string; path?: string } = {}) {
      for (let n = 0; n < (o.times ?? 1); n++) failures.push({ kind, method: o.method, path: o.path });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

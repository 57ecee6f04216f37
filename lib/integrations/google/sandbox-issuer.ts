// A Google-like OpenID Connect issuer on node:http for sandbox `npm run dev`, Playwright and integration
// tests. next-auth's GoogleProvider finds it through `wellKnown: issuer + "/.well-known/openid-configuration"`.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { discoveryDocument, errorPage, html, json, send, signInPage, type Reply } from "./sandbox-issuer-pages";

export type SandboxAccount = { email: string; name: string; emailVerified?: boolean };
export type SandboxIssuerOptions = {
  port?: number;
  clientId: string;
  clientSecret: string;
  accounts?: SandboxAccount[];
};
export type SandboxIssuer = { issuer: string; close(): Promise<void> };

type Identity = { sub: string; email: string; name: string; emailVerified: boolean };
type Grant = Identity & {
  clientId: string;
  redirectUri: string;
  scope: string;
  nonce?: string;
  codeChallenge?: string;
  expiresAt: number;
};

const CODE_TTL_MS = 60_000;
const TOKEN_TTL_S = 3600;
const CARRIED = ["client_id", "redirect_uri", "state", "nonce", "scope", "code_challenge", "code_challenge_method"];

const b64url = (buf: Buffer) => buf.toString("base64url");
const sha256 = (value: string) => createHash("sha256").update(value).digest();
const token = () => b64url(randomBytes(32));
// Google subjects are stable numeric strings of 21 digits.
const subjectFor = (email: string) =>
  BigInt(`0x${sha256(email).toString("hex")}`)
    .toString()
    .slice(0, 21);
const sameSecret = (a: string, b: string) => timingSafeEqual(sha256(a), sha256(b));
// OAuth 2.0 fixes its error shape ({ error, error_description }), so these replies follow it.
const oauthError = (status: number, error: string, description: string, headers?: Record<string, string>) =>
  json(status, { error, error_description: description }, headers);

export async function startSandboxIssuer(options: SandboxIssuerOptions): Promise<SandboxIssuer> {
  // It signs anyone in as anyone: a development and test tool that a production process never serves.
  if (process.env.NODE_ENV === "production") throw new Error("The sandbox Google issuer does not run in production.");
  const { clientId, clientSecret, accounts = [] } = options;
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const kid = b64url(randomBytes(8));
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" }] };
  const codes = new Map<string, Grant>();
  const accessTokens = new Map<string, Identity & { expiresAt: number }>();
  let issuer = "";

  /** Checks what /authorize and /authorize/approve both receive; returns a reason when refused. */
  function refuseAuthorization(p: URLSearchParams): string | undefined {
    if (p.get("client_id") !== clientId) return "Unknown client_id.";
    const redirect = p.get("redirect_uri") ?? "";
    if (!URL.canParse(redirect) || !/^https?:$/.test(new URL(redirect).protocol))
      return "redirect_uri must be an http(s) URL.";
    if (p.get("response_type") !== null && p.get("response_type") !== "code")
      return "Only response_type=code is supported.";
    if (p.get("code_challenge") && p.get("code_challenge_method") !== "S256")
      return "Only the S256 code challenge method is supported.";
  }

  function authorize(p: URLSearchParams): Reply {
    const refused = refuseAuthorization(p);
    if (refused) return html(400, errorPage(refused));
    const request = Object.fromEntries(CARRIED.flatMap((k) => (p.get(k) === null ? [] : [[k, p.get(k) as string]])));
    return html(200, signInPage({ accounts, request, returnTo: new URL(request.redirect_uri).origin }));
  }

  function approve(form: URLSearchParams): Reply {
    const refused = refuseAuthorization(form);
    const email = form.get("email")?.trim().toLowerCase() ?? "";
    if (refused || !/^[^\s@]+@[^\s@]+$/.test(email)) return html(400, errorPage(refused ?? "Enter an email address."));
    for (const [stale, grant] of codes) if (grant.expiresAt < Date.now()) codes.delete(stale);
    const code = token();
    codes.set(code, {
      sub: subjectFor(email),
      email,
      name: form.get("name")?.trim() || email.split("@")[0],
      emailVerified: form.get("email_verified") === "true",
      clientId,
      redirectUri: form.get("redirect_uri") as string,
      scope: form.get("scope") ?? "openid",
      nonce: form.get("nonce") || undefined,
      codeChallenge: form.get("code_challenge") || undefined,
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    const target = new URL(form.get("redirect_uri") as string);
    const state = form.get("state");
    for (const [k, v] of Object.entries({ code, ...(state === null ? {} : { state }), iss: issuer }))
      target.searchParams.set(k, v);
    return html(302, "", { location: target.href });
  }

  async function exchange(req: IncomingMessage, form: URLSearchParams): Promise<Reply> {
    const challenge = { "www-authenticate": 'Basic realm="sandbox"' };
    if (!clientAuthenticated(req, form, clientId, clientSecret))
      return oauthError(401, "invalid_client", "Client authentication failed.", challenge);
    if (form.get("grant_type") !== "authorization_code")
      return oauthError(400, "unsupported_grant_type", "Only authorization_code.");
    const code = form.get("code") ?? "";
    const grant = codes.get(code);
    codes.delete(code); // one use, whatever the outcome
    if (!grant || grant.expiresAt < Date.now() || grant.clientId !== clientId)
      return oauthError(400, "invalid_grant", "Unknown or expired code.");
    if (form.get("redirect_uri") !== grant.redirectUri)
      return oauthError(400, "invalid_grant", "redirect_uri does not match.");
    const verifier = form.get("code_verifier");
    const pkceFailed =
      grant.codeChallenge !== undefined && (!verifier || b64url(sha256(verifier)) !== grant.codeChallenge);
    if (pkceFailed) return oauthError(400, "invalid_grant", "PKCE verification failed.");
    const accessToken = token();
    const { sub, email, name, emailVerified } = grant;
    accessTokens.set(accessToken, { sub, email, name, emailVerified, expiresAt: Date.now() + TOKEN_TTL_S * 1000 });
    const atHash = b64url(sha256(accessToken).subarray(0, 16));
    const idToken = await new SignJWT({
      email,
      email_verified: emailVerified,
      name,
      at_hash: atHash,
      ...(grant.nonce && { nonce: grant.nonce }),
    })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_TTL_S}s`)
      .sign(privateKey);
    const body = {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: TOKEN_TTL_S,
      scope: grant.scope,
      id_token: idToken,
    };
    return json(200, body, { "cache-control": "no-store", pragma: "no-cache" });
  }

  function userinfo(req: IncomingMessage): Reply {
    const presented = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const found = accessTokens.get(presented);
    const challenge = { "www-authenticate": 'Bearer error="invalid_token"' };
    if (!found || found.expiresAt < Date.now())
      return oauthError(401, "invalid_token", "Unknown or expired access token.", challenge);
    return json(200, { sub: found.sub, email: found.email, email_verified: found.emailVerified, name: found.name });
  }

  async function route(req: IncomingMessage, url: URL): Promise<Reply> {
    const form = req.method === "POST" ? new URLSearchParams(await text(req)) : url.searchParams;
    switch (`${req.method} ${url.pathname}`) {
      case "GET /.well-known/openid-configuration":
        return json(200, discoveryDocument(issuer));
      case "GET /jwks":
        return json(200, jwks);
      case "GET /authorize":
        return authorize(url.searchParams);
      case "POST /authorize/approve":
        return approve(form);
      case "POST /token":
        return exchange(req, form);
      case "GET /userinfo":
      case "POST /userinfo":
        return userinfo(req);
      default:
        return oauthError(404, "not_found", `${req.method} ${url.pathname} is not served here.`);
    }
  }

  const server = createServer((req, res) => {
    route(req, new URL(req.url ?? "/", issuer))
      .catch(
        (err: unknown) => (
          console.error("[sandbox-issuer]", err),
          oauthError(500, "server_error", "See the issuer's log.")
        ),
      )
      .then((reply) => send(res, reply));
  });
  await new Promise<void>((resolve, reject) =>
    server.once("error", reject).listen(options.port ?? 0, "127.0.0.1", resolve),
  );
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** HTTP Basic (id and secret form-urlencoded first, RFC 6749 §2.3.1) or client_secret_post. */
function clientAuthenticated(
  req: IncomingMessage,
  form: URLSearchParams,
  clientId: string,
  clientSecret: string,
): boolean {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  let [id, secret] = [form.get("client_id"), form.get("client_secret")];
  if (basic) {
    const [rawId, ...rawSecret] = Buffer.from(basic, "base64").toString().split(":");
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    try {
      [id, secret] = [decode(rawId), decode(rawSecret.join(":"))];
    } catch {
      return false; // malformed percent-encoding
    }
  }
  return id === clientId && secret !== null && sameSecret(secret, clientSecret);
}

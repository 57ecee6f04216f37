import { createHash, randomBytes } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { Issuer, generators } from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxIssuer, type SandboxIssuer } from "@/lib/integrations/google/sandbox-issuer";

const clientId = "test-google-client";
const clientSecret = "test-google-secret+/=";
const redirectUri = "http://127.0.0.1:3000/api/auth/callback/google";
let sandbox: SandboxIssuer;

beforeAll(async () => {
  sandbox = await startSandboxIssuer({
    clientId,
    clientSecret,
    accounts: [
      { email: "maya@nerava.demo", name: "Maya Chen" },
      { email: "evil@nerava.demo", name: `<script>alert("x")</script>`, emailVerified: false },
    ],
  });
});
afterAll(() => sandbox.close());

const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

/** Approves a sign-in the way the sandbox page's form would, returning the code from the redirect. */
async function approve(fields: Record<string, string> = {}) {
  const res = await fetch(`${sandbox.issuer}/authorize/approve`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "openid email profile",
      state: "state-123",
      nonce: "nonce-456",
      email: "maya@nerava.demo",
      name: "Maya Chen",
      email_verified: "true",
      ...fields,
    }),
  });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get("location") ?? "");
  return { location, code: location.searchParams.get("code") ?? "" };
}

function exchange(
  code: string,
  {
    auth = "post",
    secret = clientSecret,
    verifier,
  }: { auth?: "post" | "basic"; secret?: string; verifier?: string } = {},
) {
  const form = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri });
  if (verifier) form.set("code_verifier", verifier);
  const headers: Record<string, string> = {};
  if (auth === "post") {
    form.set("client_id", clientId);
    form.set("client_secret", secret);
  } else {
    const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
    headers.authorization = `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
  }
  return fetch(`${sandbox.issuer}/token`, { method: "POST", headers, body: form });
}

describe("sandbox Google issuer", () => {
  it("publishes an OpenID discovery document", async () => {
    const res = await fetch(`${sandbox.issuer}/.well-known/openid-configuration`);
    const doc = await res.json();
    expect(sandbox.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(doc).toMatchObject({
      issuer: sandbox.issuer,
      authorization_endpoint: `${sandbox.issuer}/authorize`,
      token_endpoint: `${sandbox.issuer}/token`,
      userinfo_endpoint: `${sandbox.issuer}/userinfo`,
      jwks_uri: `${sandbox.issuer}/jwks`,
      response_types_supported: ["code"],
      id_token_signing_alg_values_supported: ["RS256"],
      code_challenge_methods_supported: ["S256"],
    });
    expect(doc.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(["client_secret_post", "client_secret_basic"]),
    );
  });

  it("shows a sign-in page listing the accounts, escaped, and refuses an unknown client", async () => {
    const params = new URLSearchParams({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      state: `"><b>`,
      scope: "openid",
    });
    const res = await fetch(`${sandbox.issuer}/authorize?${params}`);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page).toContain("<title>Sandbox Google sign-in</title>");
    expect(page).toContain("Maya Chen");
    expect(page).toContain("maya@nerava.demo");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).not.toContain("<script>");
    expect(page).toContain('value="&quot;&gt;&lt;b&gt;"');
    expect(page).toMatch(/<label for="email">Email<\/label>/);
    expect(page).toMatch(/type="checkbox" value="true" checked/);

    params.set("client_id", "someone-else");
    const refused = await fetch(`${sandbox.issuer}/authorize?${params}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Unknown client_id");
  });

  it("redirects back with a code, the state and the issuer", async () => {
    const { location, code } = await approve();
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(code).toMatch(/^[\w-]{20,}$/);
    expect(location.searchParams.get("state")).toBe("state-123");
    expect(location.searchParams.get("iss")).toBe(sandbox.issuer);
  });

  it("exchanges a code once, with client_secret_post, for an id_token that verifies against the JWKS", async () => {
    const { code } = await approve();
    const res = await exchange(code);
    expect(res.status).toBe(200);
    const tokens = await res.json();
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "openid email profile" });

    const jwks = createRemoteJWKSet(new URL(`${sandbox.issuer}/jwks`));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, jwks, {
      issuer: sandbox.issuer,
      audience: clientId,
    });
    expect(protectedHeader).toMatchObject({ alg: "RS256", kid: expect.any(String) });
    expect(payload).toMatchObject({
      email: "maya@nerava.demo",
      email_verified: true,
      name: "Maya Chen",
      nonce: "nonce-456",
    });
    expect(payload.sub).toMatch(/^\d{21}$/);
    expect(payload.picture).toBeUndefined();
    expect(payload.exp! - payload.iat!).toBe(3600);

    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("accepts HTTP Basic client authentication and gives each email a stable subject", async () => {
    const first = await (await exchange((await approve()).code, { auth: "basic" })).json();
    const second = await (
      await exchange((await approve({ email: "MAYA@nerava.demo" })).code, { auth: "basic" })
    ).json();
    const other = await (await exchange((await approve({ email: "li@nerava.demo", email_verified: "" })).code)).json();
    const sub = (t: { id_token: string }) => JSON.parse(Buffer.from(t.id_token.split(".")[1], "base64url").toString());
    expect(sub(first).sub).toBe(sub(second).sub);
    expect(sub(other).sub).not.toBe(sub(first).sub);
    expect(sub(other).email_verified).toBe(false);
  });

  it("refuses a wrong client secret with 401 invalid_client", async () => {
    for (const auth of ["post", "basic"] as const) {
      const res = await exchange((await approve()).code, { auth, secret: "wrong" });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "invalid_client" });
    }
  });

  it("checks PKCE when the authorization request carried a challenge", async () => {
    const { challenge, verifier } = pkce();
    const withChallenge = { code_challenge: challenge, code_challenge_method: "S256" };
    for (const wrong of [pkce().verifier, undefined]) {
      const res = await exchange((await approve(withChallenge)).code, { verifier: wrong });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "invalid_grant" });
    }
    const ok = await exchange((await approve(withChallenge)).code, { verifier });
    expect(ok.status).toBe(200);
  });

  it("answers userinfo for a valid access token only", async () => {
    const { access_token } = await (await exchange((await approve()).code)).json();
    const res = await fetch(`${sandbox.issuer}/userinfo`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sub: expect.stringMatching(/^\d{21}$/),
      email: "maya@nerava.demo",
      email_verified: true,
      name: "Maya Chen",
    });

    const refused = await fetch(`${sandbox.issuer}/userinfo`, { headers: { authorization: "Bearer nope" } });
    expect(refused.status).toBe(401);
  });

  // openid-client 5 is what next-auth v4's Google provider drives (discovery, PKCE + state + nonce, Basic auth, id_token checks).
  it("completes a sign-in driven by openid-client, as next-auth does", async () => {
    const issuer = await Issuer.discover(`${sandbox.issuer}/.well-known/openid-configuration`);
    const client = new issuer.Client({
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      response_types: ["code"],
    });
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const authUrl = new URL(
      client.authorizationUrl({
        scope: "openid email profile",
        state,
        nonce,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: "S256",
      }),
    );
    expect((await fetch(authUrl)).status).toBe(200);

    const { location } = await approve({
      ...Object.fromEntries(authUrl.searchParams),
      email: "new.driver@example.com",
      name: "New Driver",
    });
    const tokens = await client.callback(redirectUri, client.callbackParams(location.href), {
      state,
      nonce,
      code_verifier: verifier,
    });
    expect(tokens.claims()).toMatchObject({
      email: "new.driver@example.com",
      email_verified: true,
      name: "New Driver",
      iss: sandbox.issuer,
    });
    expect(await client.userinfo(tokens)).toMatchObject({ email: "new.driver@example.com" });
  });
});

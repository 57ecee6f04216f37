// What the sandbox Google issuer renders: its discovery document, its HTML (a sign-in page and an
// error page, no external assets) and the replies that carry them.
import type { ServerResponse } from "node:http";
import type { SandboxAccount } from "./sandbox-issuer";

export type Reply = { status: number; type: "html" | "json"; body: unknown; headers?: Record<string, string> };
export const html = (status: number, body: string, headers?: Record<string, string>): Reply => ({
  status,
  type: "html",
  body,
  headers,
});
export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  type: "json",
  body,
  headers,
});

export const discoveryDocument = (issuer: string) => ({
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  userinfo_endpoint: `${issuer}/userinfo`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ["code"],
  subject_types_supported: ["public"],
  id_token_signing_alg_values_supported: ["RS256"],
  scopes_supported: ["openid", "email", "profile"],
  code_challenge_methods_supported: ["S256"],
  token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
  claims_supported: ["iss", "aud", "sub", "email", "email_verified", "name", "nonce", "iat", "exp", "at_hash"],
  authorization_response_iss_parameter_supported: true,
});

// The pages carry their CSS inline and load nothing else, so the policy can refuse everything else.
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export function send(res: ServerResponse, { status, type, body, headers = {} }: Reply) {
  const content =
    type === "html"
      ? {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": PAGE_POLICY,
          "referrer-policy": "no-referrer",
        }
      : { "content-type": "application/json" };
  res.writeHead(status, { ...content, ...headers });
  res.end(type === "html" ? (body as string) : JSON.stringify(body));
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f1f3f4;color:#202124}
  main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0003}
  h1{font-size:1.4rem;margin:0 0 .5rem}
  .note{background:#fef7e0;border-left:4px solid #b06000;padding:.5rem .75rem;font-size:.9rem}
  ul{list-style:none;padding:0;margin:1rem 0}
  li+li{margin-top:.5rem}
  button{font:inherit;cursor:pointer;border-radius:6px}
  .account{width:100%;text-align:left;padding:.6rem .8rem;background:#fff;border:1px solid #c4c7c5}
  .account span{display:block}
  .account .email{color:#444746;font-size:.9rem}
  .account:hover{background:#f8fafd}
  fieldset{border:1px solid #c4c7c5;border-radius:6px;padding:1rem}
  label{display:block;margin-top:.5rem}
  input[type=email],input[type=text]{width:100%;font:inherit;padding:.4rem;border:1px solid #747775;border-radius:4px}
  .check{display:flex;gap:.5rem;align-items:center}
  .hint{margin:0;color:#444746;font-size:.85rem}
  .primary{margin-top:1rem;padding:.5rem 1.25rem;background:#0b57d0;color:#fff;border:0}
  :focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
`;

function layout(body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox Google sign-in</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

function hiddenFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
}

export type SignInPageInput = {
  accounts: SandboxAccount[];
  /** The OAuth parameters to carry through to /authorize/approve. */
  request: Record<string, string>;
  returnTo: string;
};

export function signInPage({ accounts, request, returnTo }: SignInPageInput): string {
  const carried = hiddenFields(request);
  const accountList = accounts.length
    ? `<h2>Choose an account</h2><ul>${accounts
        .map(
          (a) =>
            `<li><form method="post" action="/authorize/approve">${carried}${hiddenFields({
              email: a.email,
              name: a.name,
              ...(a.emailVerified === false ? {} : { email_verified: "true" }),
            })}<button type="submit" class="account"><span>${escapeHtml(a.name)}</span><span class="email">${escapeHtml(a.email)}</span></button></form></li>`,
        )
        .join("")}</ul>`
    : "";
  return layout(`<h1>Sign in with Google (sandbox)</h1>
<p class="note">This is a local stand-in for Google sign-in, used in development and tests.
No Google account is involved and nothing leaves this machine.</p>
<p>You will return to <strong>${escapeHtml(returnTo)}</strong>.</p>
${accountList}
<form method="post" action="/authorize/approve">${carried}
<fieldset><legend>Sign in as anyone</legend>
<label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="off">
<label for="name">Name</label><input id="name" name="name" type="text" autocomplete="off">
<label class="check"><input name="email_verified" type="checkbox" value="true" checked aria-describedby="verified-hint"> Verified by Google</label>
<p id="verified-hint" class="hint">Sets <code>email_verified</code> in the ID token.</p>
<button type="submit" class="primary">Continue</button>
</fieldset></form>`);
}

export function errorPage(message: string): string {
  return layout(`<h1>Sign-in request refused</h1>
<p class="note">This is a local stand-in for Google sign-in.</p>
<p role="alert">${escapeHtml(message)}</p>`);
}

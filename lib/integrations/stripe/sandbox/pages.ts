// The sandbox's stand-in for Stripe's hosted onboarding: one phone-friendly form, inline CSS, no
// external assets, everything printed escaped.
import { FAILING_ACCOUNT_NUMBER, PAYING_ACCOUNT_NUMBER, TEST_ROUTING_NUMBER } from "./accounts";

// The page loads nothing else, so the policy refuses everything else. No form-action: browsers apply
// it to the redirect after the POST, and that goes to the app's return_url.
export const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f6f9fc;color:#1a1f36}
  main{max-width:30rem;margin:0 auto;padding:1.25rem}
  .badge{display:inline-block;background:#ffde92;color:#5c3c00;font-weight:600;font-size:.8rem;padding:.1rem .5rem;border-radius:4px}
  h1{font-size:1.35rem;margin:.5rem 0}
  .note{background:#fff8e6;border-left:4px solid #c47f00;padding:.5rem .75rem;font-size:.9rem}
  form{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;padding:1rem;margin-top:1rem}
  label{display:block;margin-top:.9rem;font-weight:500}
  input[type=text]{width:100%;font:inherit;padding:.6rem;border:1px solid #8792a2;border-radius:6px;margin-top:.25rem}
  .check{display:flex;gap:.6rem;align-items:flex-start;font-weight:400}
  .check input{width:1.25rem;height:1.25rem;margin-top:.15rem}
  .hint{color:#4f566b;font-size:.85rem;margin:.25rem 0 0}
  .hint ul{margin:.25rem 0;padding-left:1.1rem}
  .error{background:#fde8e8;border-left:4px solid #c0123c;padding:.5rem .75rem}
  button{width:100%;font:inherit;font-weight:600;margin-top:1.25rem;padding:.75rem;background:#635bff;color:#fff;border:0;border-radius:6px;cursor:pointer}
  a{color:#4a42d9}
  :focus-visible{outline:3px solid #635bff;outline-offset:2px}
`;

function layout(body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stripe sandbox — set up payouts</title><style>${STYLE}</style></head>
<body><main><span class="badge">Stripe sandbox</span>${body}</main></body></html>`;
}

export type SetupPageInput = {
  linkId: string;
  token: string;
  account: string;
  returnUrl: string;
  error?: string;
  values?: { legalName?: string; routingNumber?: string; accountNumber?: string };
};

export function setupPage({ linkId, token, account, returnUrl, error, values = {} }: SetupPageInput): string {
  const value = (v: string | undefined, fallback: string) => escapeHtml(v ?? fallback);
  return layout(`<h1>Set up payouts</h1>
<p class="note">A local stand-in for Stripe's onboarding, for development and tests. Nothing is sent to Stripe
and no real bank is involved.</p>
<p>Connected account <code>${escapeHtml(account)}</code></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/setup/${escapeHtml(linkId)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<label for="legal_name">Legal name</label>
<input id="legal_name" name="legal_name" type="text" autocomplete="name" required value="${value(values.legalName, "")}">
<label for="routing_number">Routing number</label>
<input id="routing_number" name="routing_number" type="text" inputmode="numeric" pattern="[0-9]{9}" required value="${value(values.routingNumber, TEST_ROUTING_NUMBER)}">
<label for="account_number">Account number</label>
<input id="account_number" name="account_number" type="text" inputmode="numeric" pattern="[0-9]{4,17}" required aria-describedby="numbers-hint" value="${value(values.accountNumber, PAYING_ACCOUNT_NUMBER)}">
<div id="numbers-hint" class="hint">Test account numbers:<ul>
<li><code>${PAYING_ACCOUNT_NUMBER}</code> pays out.</li>
<li><code>${FAILING_ACCOUNT_NUMBER}</code> — payouts to it fail (failure_code <code>no_account</code>).</li></ul></div>
<label class="check"><input name="instant" type="checkbox" value="true" checked> The bank takes instant payouts</label>
<label class="check"><input name="defer_verification" type="checkbox" value="true" aria-describedby="defer-hint"> Leave identity verification for later</label>
<p id="defer-hint" class="hint">Leaves <code>individual.id_number</code> due: payouts stay off until it is provided.</p>
<button type="submit">Agree and submit</button>
</form>
<p><a href="${escapeHtml(returnUrl)}">Leave without finishing</a></p>`);
}

export function problemPage(message: string): string {
  return layout(`<h1>This setup link cannot be used</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}

// The sandbox's stand-in for Square's OAuth consent screen: one phone-friendly page, inline CSS, no
// external assets, everything printed escaped.

// The page loads nothing else, so the policy refuses everything else. No form-action: browsers apply
// it to the redirect after the POST, and that goes to the app's callback.
export const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f4f4f4;color:#1a1a1a}
  main{max-width:30rem;margin:0 auto;padding:1.25rem}
  .badge{display:inline-block;background:#ffde92;color:#5c3c00;font-weight:600;font-size:.8rem;padding:.1rem .5rem;border-radius:4px}
  h1{font-size:1.35rem;margin:.5rem 0}
  .note{background:#fff8e6;border-left:4px solid #c47f00;padding:.5rem .75rem;font-size:.9rem}
  .error{background:#fde8e8;border-left:4px solid #c0123c;padding:.5rem .75rem}
  form{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;padding:1rem;margin-top:1rem}
  fieldset{border:0;padding:0;margin:0}
  label{display:flex;gap:.6rem;align-items:center;margin-top:.6rem}
  input[type=text]{width:100%;font:inherit;padding:.5rem;border:1px solid #888;border-radius:6px}
  .actions{display:flex;gap:.75rem;margin-top:1.25rem}
  button{flex:1;font:inherit;font-weight:600;padding:.75rem;border-radius:6px;cursor:pointer;border:1px solid #006aff}
  .allow{background:#006aff;color:#fff}
  .deny{background:#fff;color:#006aff}
  :focus-visible{outline:3px solid #006aff;outline-offset:2px}
`;

function layout(body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Square sandbox — allow Nerava?</title><style>${STYLE}</style></head>
<body><main><span class="badge">Square sandbox</span>${body}</main></body></html>`;
}

export type ConsentPageInput = {
  /** Carried through the form unchanged: client_id, scope, state, redirect_uri. */
  hidden: Record<string, string>;
  scopes: string[];
  sellers: Array<{ id: string; name: string }>;
};

export function consentPage({ hidden, scopes, sellers }: ConsentPageInput): string {
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const existing = sellers
    .map(
      (s, i) =>
        `<label><input type="radio" name="merchant_id" value="${escapeHtml(s.id)}"${i === 0 ? " checked" : ""}> ${escapeHtml(s.name)}</label>`,
    )
    .join("\n");
  return layout(`<h1>Square sandbox — allow Nerava?</h1>
<p class="note">A local stand-in for Square's consent screen, for development and tests. Nothing is sent to
Square; the seller and its orders are pretend.</p>
<p>Nerava asks to read:</p>
<ul>${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join("")}</ul>
<form method="post" action="/oauth2/authorize">
${fields}
<fieldset><legend>Sign in as</legend>
${existing}
<label><input type="radio" name="merchant_id" value="new"${sellers.length ? "" : " checked"}> A new sandbox seller named</label>
<input type="text" name="business_name" aria-label="New seller's business name" value="Mueller Market Coffee" maxlength="80">
</fieldset>
<div class="actions">
<button class="deny" type="submit" name="decision" value="deny">Deny</button>
<button class="allow" type="submit" name="decision" value="allow">Allow</button>
</div>
</form>`);
}

export function problemPage(message: string): string {
  return layout(
    `<h1>This authorization link cannot be used</h1><p class="error" role="alert">${escapeHtml(message)}</p>`,
  );
}

/** What a proxy in front of Square answers when it fails: HTML, not Square's JSON. */
export const gatewayErrorPage = (status: number) =>
  `<html><head><title>${status} Error</title></head><body><center><h1>${status} Error</h1></center><hr><center>nginx</center></body></html>`;

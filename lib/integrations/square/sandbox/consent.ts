// GET /oauth2/authorize shows the consent page; its form POSTs back here, and Allow or Deny sends the
// seller to the app's redirect URL with `code` and `state`, or `error=access_denied`.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sandbox } from "./context";
import { redirect, sendHtml } from "./http";
import { createMerchant } from "./merchants";
import { DEFAULT_SCOPES, issueCode } from "./oauth";
import { consentPage, problemPage } from "./pages";

/** The redirect URL (configured, or the request's redirect_uri, which must then equal it). */
function redirectTarget(sandbox: Sandbox, params: URLSearchParams): string | Error {
  const asked = params.get("redirect_uri") || undefined;
  if (params.get("client_id") !== sandbox.applicationId) return new Error("Unknown client_id for this sandbox.");
  if (asked && sandbox.redirectUrl && asked !== sandbox.redirectUrl)
    return new Error("redirect_uri does not match the application's redirect URL.");
  const target = asked ?? sandbox.redirectUrl;
  if (!target || !/^https?:\/\//.test(target)) return new Error("The application has no http(s) redirect URL.");
  return target;
}

export function serveConsent(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
  const params = req.method === "POST" ? new URLSearchParams(body) : url.searchParams;
  const target = redirectTarget(sandbox, params);
  if (target instanceof Error) return sendHtml(res, 400, problemPage(target.message));
  const scopes = (params.get("scope") ?? "").split(/[\s+]+/).filter(Boolean);
  const granted = scopes.length ? scopes : DEFAULT_SCOPES;
  const state = params.get("state") ?? "";

  if (req.method === "GET") {
    const hidden = { client_id: sandbox.applicationId, scope: granted.join(" "), state };
    if (params.get("redirect_uri")) Object.assign(hidden, { redirect_uri: target });
    const sellers = Object.values(sandbox.state.merchants).map((m) => ({ id: m.id, name: m.business_name }));
    return sendHtml(res, 200, consentPage({ hidden, scopes: granted, sellers }));
  }
  if (req.method !== "POST") return sendHtml(res, 405, problemPage("Use GET or POST."));

  const back = new URL(target);
  if (params.get("decision") === "allow") {
    const chosen = params.get("merchant_id");
    const merchant =
      chosen && chosen !== "new"
        ? sandbox.state.merchants[chosen]
        : createMerchant(sandbox, params.get("business_name")?.trim().slice(0, 80) || undefined);
    if (!merchant) return sendHtml(res, 400, problemPage("That sandbox seller does not exist."));
    back.searchParams.set("code", issueCode(sandbox, merchant.id, granted));
    back.searchParams.set("response_type", "code");
    sandbox.save();
  } else {
    back.searchParams.set("error", "access_denied");
    back.searchParams.set("error_description", "user_denied");
  }
  if (state) back.searchParams.set("state", state);
  redirect(res, 302, back.toString());
}

// GET and POST /setup/:linkId: the hosted onboarding a driver reaches through an account link.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { onboardAccount } from "./accounts";
import type { Sandbox } from "./context";
import { redirect, sendHtml } from "./http";
import { problemPage, setupPage } from "./pages";

const DEFERRED_FIELD = "individual.id_number";
const digest = (value: string) => createHash("sha256").update(value).digest();

export function serveSetup(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse, linkId: string, body: string) {
  const link = sandbox.state.accountLinks[linkId];
  if (!link) return sendHtml(res, 404, problemPage("This setup link does not exist."));
  const page = { linkId, token: link.token, account: link.account, returnUrl: link.return_url };

  if (req.method === "GET") {
    // Single use, like Stripe's: a second visit or a late first one goes to refresh_url for a fresh link.
    if (link.visited || link.completed || sandbox.now() > link.expires_at) return redirect(res, 302, link.refresh_url);
    link.visited = true;
    sandbox.save();
    return sendHtml(res, 200, setupPage(page));
  }
  if (req.method !== "POST") return sendHtml(res, 405, problemPage("Only GET and POST are served here."));

  const form = new URLSearchParams(body);
  if (!timingSafeEqual(digest(form.get("token") ?? ""), digest(link.token)) || !link.visited)
    return sendHtml(res, 403, problemPage("This form did not come from this setup link's page."));
  if (link.completed) return redirect(res, 303, link.refresh_url);
  const values = {
    legalName: form.get("legal_name")?.trim() ?? "",
    routingNumber: form.get("routing_number")?.trim() ?? "",
    accountNumber: form.get("account_number")?.trim() ?? "",
  };
  const error = !values.legalName
    ? "Enter the legal name on the bank account."
    : !/^\d{9}$/.test(values.routingNumber)
      ? "A routing number has 9 digits."
      : !/^\d{4,17}$/.test(values.accountNumber)
        ? "An account number has 4 to 17 digits."
        : undefined;
  if (error) return sendHtml(res, 400, setupPage({ ...page, error, values }));

  onboardAccount(sandbox, link.account, {
    ...values,
    instant: form.get("instant") === "true",
    dueFields: form.get("defer_verification") === "true" ? [DEFERRED_FIELD] : [],
  });
  link.completed = true;
  sandbox.save();
  redirect(res, 303, link.return_url);
}

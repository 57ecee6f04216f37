// Account links: single-use URLs to the sandbox's setup page, good for 300 s like Stripe's.
import { findAccount } from "./accounts";
import type { Sandbox } from "./context";
import { invalidRequest } from "./errors";
import { newId, newToken } from "./ids";
import type { AccountLinkRecord } from "./objects";
import { oneOf, requiredString, type Params } from "./params";

export const ACCOUNT_LINK_TTL_S = 300;

function httpUrl(params: Params, name: string): string {
  const value = requiredString(params, name);
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw invalidRequest(`Invalid URL: ${name} must be an http(s) URL.`, { code: "url_invalid", param: name });
  return value;
}

export function createAccountLink(sandbox: Sandbox, params: Params) {
  const account = findAccount(sandbox, requiredString(params, "account"), "account");
  const created = sandbox.now();
  const link: AccountLinkRecord = {
    id: newId("link"),
    account: account.id,
    type: oneOf(params, "type", ["account_onboarding", "account_update"] as const),
    refresh_url: httpUrl(params, "refresh_url"),
    return_url: httpUrl(params, "return_url"),
    created,
    expires_at: created + ACCOUNT_LINK_TTL_S,
    token: newToken(),
    visited: false,
    completed: false,
  };
  sandbox.state.accountLinks[link.id] = link;
  return {
    object: "account_link" as const,
    created,
    expires_at: link.expires_at,
    url: `${sandbox.baseUrl}/setup/${link.id}`,
  };
}

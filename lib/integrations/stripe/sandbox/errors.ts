// Stripe's error envelope: `{ error: { type, code?, message, param?, doc_url? } }` with its status.

export type StripeErrorBody = { type: string; code?: string; message: string; param?: string; doc_url?: string };

export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`;

/** 400 invalid_request_error, with a code's doc_url when there is a code. */
export function invalidRequest(message: string, extra: { code?: string; param?: string } = {}): SandboxApiError {
  const { code, param } = extra;
  return new SandboxApiError(400, {
    type: "invalid_request_error",
    message,
    ...(code && { code, doc_url: docUrl(code) }),
    ...(param && { param }),
  });
}

/** Stripe answers an unknown id with 404 when it is the path's object, 400 when it is a parameter. */
export function resourceMissing(kind: string, id: string, param?: string): SandboxApiError {
  const error = invalidRequest(`No such ${kind}: '${id}'`, { code: "resource_missing", param });
  return param ? error : new SandboxApiError(404, error.body);
}

export const parameterMissing = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { code: "parameter_missing", param });

export const unknownRoute = (method: string, path: string) =>
  new SandboxApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });

export const authenticationFailed = (presented: string | undefined) =>
  new SandboxApiError(401, {
    type: "authentication_error",
    message: presented
      ? `Invalid API Key provided: ${presented.slice(0, 8)}${"*".repeat(Math.max(0, presented.length - 12))}${presented.slice(-4)}`
      : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
  });

export const accountInvalid = (account: string) =>
  new SandboxApiError(403, {
    type: "invalid_request_error",
    code: "account_invalid",
    doc_url: docUrl("account_invalid"),
    message: `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
  });

export const apiError = () =>
  new SandboxApiError(500, {
    type: "api_error",
    message: "An unknown error occurred in the Stripe sandbox; see its log.",
  });

// Square's error envelope: `{ errors: [{ category, code, detail?, field? }] }`; the status matches the first.

export type SquareErrorBody = { category: string; code: string; detail?: string; field?: string };

export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: SquareErrorBody[],
  ) {
    super(errors[0]?.detail ?? errors[0]?.code);
  }
}

const fail = (status: number, category: string, code: string, detail: string, field?: string) =>
  new SandboxApiError(status, [{ category, code, detail, ...(field && { field }) }]);

export const unauthorized = (detail = "This request could not be authorized.") =>
  fail(401, "AUTHENTICATION_ERROR", "UNAUTHORIZED", detail);
export const tokenExpired = () =>
  fail(401, "AUTHENTICATION_ERROR", "ACCESS_TOKEN_EXPIRED", "The access token has expired.");
export const tokenRevoked = () =>
  fail(401, "AUTHENTICATION_ERROR", "ACCESS_TOKEN_REVOKED", "The access token has been revoked.");
export const insufficientScopes = (scope: string) =>
  fail(403, "AUTHENTICATION_ERROR", "INSUFFICIENT_SCOPES", `The merchant has not granted ${scope}.`);

export const badRequest = (detail: string, field?: string) =>
  fail(400, "INVALID_REQUEST_ERROR", "BAD_REQUEST", detail, field);
export const invalidValue = (detail: string, field?: string) =>
  fail(400, "INVALID_REQUEST_ERROR", "INVALID_VALUE", detail, field);
export const missingField = (field: string) =>
  fail(400, "INVALID_REQUEST_ERROR", "MISSING_REQUIRED_PARAMETER", `Missing required parameter: ${field}`, field);
export const invalidCursor = () =>
  fail(400, "INVALID_REQUEST_ERROR", "INVALID_CURSOR", "The cursor does not belong to this query.", "cursor");
export const notFound = (kind: string, id: string) =>
  fail(404, "INVALID_REQUEST_ERROR", "NOT_FOUND", `Could not find ${kind} with id \`${id}\`.`);
export const unknownRoute = (method: string, path: string) =>
  fail(404, "INVALID_REQUEST_ERROR", "NOT_FOUND", `The Square sandbox does not serve ${method} ${path}.`);
export const internalError = () =>
  fail(500, "API_ERROR", "INTERNAL_SERVER_ERROR", "The Square sandbox failed; see its log.");

/** The default error for an injected status without explicit errors. */
export function errorsForStatus(status: number): SquareErrorBody[] {
  if (status === 429) return [{ category: "RATE_LIMIT_ERROR", code: "RATE_LIMITED", detail: "Rate limit exceeded." }];
  if (status === 401) return unauthorized().errors;
  if (status >= 500)
    return [{ category: "API_ERROR", code: status === 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR" }];
  return badRequest("Injected failure.").errors;
}

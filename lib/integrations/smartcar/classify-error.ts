import {
  AuthRevoked,
  InvalidCode,
  ProviderRejected,
  ProviderUnavailable,
  RateLimited,
  VehicleProviderError,
} from "./errors";

/** What the SDK's SmartcarError carries (lib/smartcar-error.js); `retryAfter` is the raw header. */
type SmartcarErrorLike = {
  name: "SmartcarError";
  statusCode: number;
  type?: string;
  code?: string;
  requestId?: string;
  retryAfter?: string;
};

const DEFAULT_RETRY_AFTER_SECONDS = 60;

const isSmartcarError = (err: unknown): err is SmartcarErrorLike =>
  err instanceof Error &&
  err.name === "SmartcarError" &&
  typeof (err as { statusCode?: unknown }).statusCode === "number";

/** `retry-after` is seconds or an HTTP date; a missing or unreadable one means "a while". */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number {
  if (!value) return DEFAULT_RETRY_AFTER_SECONDS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(0, Math.ceil((at - now) / 1000));
}

/** undici's "fetch failed" (refused, reset, DNS) and friends: the request never got an HTTP answer. */
function isNetworkFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err instanceof TypeError && err.message === "fetch failed") return true;
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  return (
    typeof code === "string" &&
    /^(ECONN|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)/.test(code)
  );
}

/**
 * Maps an SDK failure to our typed errors. On the token endpoint `invalid_grant` means a bad code
 * (exchange) or a dead refresh token (refresh: the driver must reconnect); any 401, or a 403 of type
 * AUTHENTICATION, on the vehicle API means the grant is gone. Anything unrecognised is rethrown as is.
 */
export function classifySmartcarError(err: unknown, operation: string): unknown {
  if (err instanceof VehicleProviderError) return err;
  if (isNetworkFailure(err)) return new ProviderUnavailable("network", { cause: err });
  if (!isSmartcarError(err)) return err;

  const details = {
    status: err.statusCode,
    providerType: err.type,
    providerCode: err.code,
    requestId: err.requestId,
    cause: err,
  };
  const status = err.statusCode;
  if (status === 408) return new ProviderUnavailable("timeout", details); // the SDK's own timer
  if (status === 429) return new RateLimited(parseRetryAfter(err.retryAfter), details);
  if (status >= 500) return new ProviderUnavailable("server_error", details);
  if (err.type === "invalid_grant") {
    return operation === "exchange_code" ? new InvalidCode(details) : new AuthRevoked(details);
  }
  // invalid_client on the token endpoint is our misconfiguration, not the driver's grant.
  if (err.type === "invalid_client") return new ProviderRejected(details);
  if (status === 401 || err.type === "AUTHENTICATION") return new AuthRevoked(details);
  return new ProviderRejected(details);
}

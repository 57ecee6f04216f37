// Known provider failures. `message` is safe to show a driver; provider details stay in fields for logs.
import { tagClass } from "@/lib/errors";

export type VehicleProviderErrorCode =
  "provider_unavailable" | "rate_limited" | "auth_revoked" | "invalid_code" | "provider_rejected";

type Details = { status?: number; providerType?: string; providerCode?: string; requestId?: string; cause?: unknown };

export abstract class VehicleProviderError extends Error {
  abstract readonly code: VehicleProviderErrorCode;
  readonly status?: number;
  readonly providerType?: string;
  readonly providerCode?: string;
  readonly requestId?: string;

  constructor(message: string, details: Details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.providerType = details.providerType;
    this.providerCode = details.providerCode;
    this.requestId = details.requestId;
  }
}

export type UnavailableReason = "timeout" | "server_error" | "network" | "circuit_open";

/** 5xx, a timeout, a dropped connection, or our circuit breaker refusing while the provider is down. */
export class ProviderUnavailable extends VehicleProviderError {
  override readonly name = "ProviderUnavailable";
  readonly code = "provider_unavailable" as const;
  constructor(
    readonly reason: UnavailableReason,
    details: Details = {},
  ) {
    super("The car service is not answering right now. Try again in a minute.", details);
  }
}

export class RateLimited extends VehicleProviderError {
  override readonly name = "RateLimited";
  readonly code = "rate_limited" as const;
  constructor(
    readonly retryAfterSeconds: number,
    details: Details = {},
  ) {
    super("Too many requests to the car service. Try again shortly.", details);
  }
}

/** The driver's grant is gone (revoked, expired, or the car was disconnected): they must reconnect. */
export class AuthRevoked extends VehicleProviderError {
  override readonly name = "AuthRevoked";
  readonly code = "auth_revoked" as const;
  constructor(details: Details = {}) {
    super("The connection to your car has expired. Please reconnect it.", details);
  }
}

/** The authorization code was wrong, used already or expired. */
export class InvalidCode extends VehicleProviderError {
  override readonly name = "InvalidCode";
  readonly code = "invalid_code" as const;
  constructor(details: Details = {}) {
    super("That car connection link has expired. Please try connecting again.", details);
  }
}

/** Any other refusal (missing permission, car asleep or incompatible, unknown vehicle, our own bad request). */
export class ProviderRejected extends VehicleProviderError {
  override readonly name = "ProviderRejected";
  readonly code = "provider_rejected" as const;
  constructor(details: Details = {}) {
    super("The car service could not do that for this car.", details);
  }
}

// provider clients are cached across bundles: keep `instanceof` working for their errors
tagClass(VehicleProviderError, "VehicleProviderError");
tagClass(ProviderUnavailable, "ProviderUnavailable");
tagClass(RateLimited, "RateLimited");
tagClass(AuthRevoked, "AuthRevoked");
tagClass(InvalidCode, "InvalidCode");
tagClass(ProviderRejected, "ProviderRejected");

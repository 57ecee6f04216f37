// The parts of the `smartcar` SDK (10.x, CommonJS, ships no types) that Nerava uses, typed from
// its source: lib/auth-client.js, lib/vehicle.js, lib/smartcar-service.js, lib/smartcar-error.js.
declare module "smartcar" {
  namespace smartcar {
    type Mode = "live" | "test" | "simulated";

    /** Built from the `sc-*` response headers. */
    interface Meta {
      requestId?: string;
      dataAge?: Date;
      fetchedAt?: Date;
      unitSystem?: "metric" | "imperial";
    }

    /** `exchangeCode`/`exchangeRefreshToken`; the SDK sets `refreshExpiration` to now + 60 days itself. */
    interface Access {
      accessToken: string;
      refreshToken: string;
      expiration: Date;
      refreshExpiration: Date;
    }

    interface AuthClientOptions {
      clientId?: string;
      clientSecret?: string;
      redirectUri?: string;
      mode?: Mode;
      testModeCompatibilityLevel?: string;
    }

    interface AuthUrlOptions {
      state?: string;
      forcePrompt?: boolean;
      singleSelect?: boolean | { enabled?: boolean; vin?: string };
      makeBypass?: string;
      flags?: Record<string, string | boolean>;
      user?: string;
    }

    class AuthClient {
      constructor(options?: AuthClientOptions);
      readonly clientId: string;
      readonly redirectUri?: string;
      readonly mode: Mode;
      /** Connect URL on `SMARTCAR_API_ORIGIN` when set (sic), otherwise https://connect.smartcar.com. */
      getAuthUrl(scope?: string[], options?: AuthUrlOptions): string;
      getAuthUrl(options: AuthUrlOptions): string;
      exchangeCode(code: string, options?: { flags?: Record<string, string | boolean> }): Promise<Access>;
      exchangeRefreshToken(token: string, options?: { flags?: Record<string, string | boolean> }): Promise<Access>;
    }

    interface VehicleOptions {
      unitSystem?: "metric" | "imperial";
      version?: string;
      flags?: Record<string, string | boolean>;
    }

    interface Attributes {
      id: string;
      make: string;
      model: string;
      year: number;
      meta: Meta;
    }
    /** `percentRemaining` is 0..1; `range` in km (metric) or miles. */
    interface Battery {
      percentRemaining: number;
      range: number;
      meta: Meta;
    }
    interface Charge {
      isPluggedIn: boolean;
      state: "CHARGING" | "FULLY_CHARGED" | "NOT_CHARGING";
      meta: Meta;
    }
    interface Location {
      latitude: number;
      longitude: number;
      meta: Meta;
    }
    interface ActionResponse {
      status: string;
      message?: string;
      meta: Meta;
    }

    class Vehicle {
      constructor(id: string, token: string, options?: VehicleOptions);
      readonly id: string;
      attributes(): Promise<Attributes>;
      battery(): Promise<Battery>;
      charge(): Promise<Charge>;
      location(): Promise<Location>;
      vin(): Promise<{ vin: string; meta: Meta }>;
      odometer(): Promise<{ distance: number; meta: Meta }>;
      startCharge(): Promise<ActionResponse>;
      stopCharge(): Promise<ActionResponse>;
      /** DELETE /v2.0/vehicles/:id/application */
      disconnect(): Promise<ActionResponse>;
    }

    interface VehicleIds {
      vehicles: string[];
      paging: { count: number; offset: number };
      meta: Meta;
    }

    /** Thrown for every non-2xx answer, and with status 408 when the SDK's own 310 s timer fires. */
    class SmartcarError extends Error {
      readonly name: "SmartcarError";
      statusCode: number;
      /** v2 error type (AUTHENTICATION, RATE_LIMIT, SERVER, ...) or the OAuth `error` (invalid_grant, ...). */
      type?: string;
      code?: string;
      description?: string;
      docURL?: string;
      detail?: unknown;
      suggestedUserMessage?: string;
      requestId?: string;
      /** The raw `retry-after` header (a string), present on 429s. */
      retryAfter?: string;
      resolution?: { type: string; url?: string };
    }

    function getVehicles(accessToken: string, paging?: { limit?: number; offset?: number }): Promise<VehicleIds>;
    function getUser(accessToken: string): Promise<{ id: string; meta: Meta }>;
    function setApiVersion(version: string): void;
    function getApiVersion(): string;
    function hashChallenge(amt: string, challenge: string): string;
    function verifyPayload(amt: string, signature: string, body: unknown): boolean;
  }

  export = smartcar;
}

import { describe, expect, it, vi } from "vitest";
import { activeSandboxTwins, ConfigError, allowedOrigins, parseConfig, sandboxAllowed } from "@/lib/config";
import { refuseUnsafeConfig } from "@/lib/config/startup-check";

const SAFE_PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app@db.internal:5432/nerava",
  NEXTAUTH_URL: "https://app.nerava.example",
  NEXTAUTH_SECRET: "s".repeat(48),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  METRICS_TOKEN: "metrics-token-abc",
  SMTP_URL: "smtp://mail.nerava.example:587",
  // charging and text-message sign-in are on by default: their providers' keys
  SMARTCAR_CLIENT_ID: "smartcar-client",
  SMARTCAR_CLIENT_SECRET: "smartcar-secret",
  TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
  TWILIO_AUTH_TOKEN: "twilio-token",
  TWILIO_VERIFY_SERVICE_SID: "VA00000000000000000000000000000000",
  // cash-out is on by default: Stripe's key and both webhook endpoints' secrets
  STRIPE_SECRET_KEY: "sk_live_abc",
  STRIPE_WEBHOOK_SECRET: "whsec_platform",
  STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_connect",
  // merchants connect Square: the app's credentials and its webhook signature key
  SQUARE_APPLICATION_ID: "sq0idp-nerava",
  SQUARE_APPLICATION_SECRET: "sq0csp-secret",
  SQUARE_WEBHOOK_SIGNATURE_KEY: "square-signature-key",
  ALLOWED_ORIGINS: "https://www.nerava.example",
  DEMO_MODE: "false",
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe("parseConfig", () => {
  it("gives a development environment working defaults", () => {
    const env = parseConfig({ NODE_ENV: "development" });
    expect(env.VERIFY_REWARD_CENTS).toBe(200);
    expect(env.PAYOUT_DAILY_CAP_CENTS).toBe(20_000);
    expect(env.DEMO_MODE).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("accepts a complete production environment", () => {
    expect(problemsOf(SAFE_PRODUCTION)).toEqual([]);
  });

  it("refuses production with the development auth secret or none", () => {
    expect(problemsOf({ ...SAFE_PRODUCTION, NEXTAUTH_SECRET: undefined })).toContain(
      "NEXTAUTH_SECRET is unset or still the development value",
    );
  });

  it("refuses production with the development encryption key or a short one", () => {
    expect(problemsOf({ ...SAFE_PRODUCTION, TOKEN_ENCRYPTION_KEY: undefined }).join()).toMatch(
      /TOKEN_ENCRYPTION_KEY is unset/,
    );
    expect(problemsOf({ ...SAFE_PRODUCTION, TOKEN_ENCRYPTION_KEY: "c2hvcnQ=" }).join()).toMatch(/32 bytes/);
  });

  it("refuses a wildcard CORS origin in production", () => {
    expect(problemsOf({ ...SAFE_PRODUCTION, ALLOWED_ORIGINS: "https://a.example, *" }).join()).toMatch(
      /ALLOWED_ORIGINS/,
    );
  });

  it("names every missing required key at once", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems.join("\n")).toMatch(/DATABASE_URL/);
    expect(problems.join("\n")).toMatch(/METRICS_TOKEN/);
    expect(problems.join("\n")).toMatch(/NEXTAUTH_SECRET/);
  });

  it("rejects malformed numbers with the variable's name", () => {
    expect(problemsOf({ NODE_ENV: "development", PAYOUT_MIN_CENTS: "ten" }).join()).toMatch(/PAYOUT_MIN_CENTS/);
  });

  it("treats empty values as unset", () => {
    expect(parseConfig({ NODE_ENV: "development", VERIFY_REWARD_CENTS: "" }).VERIFY_REWARD_CENTS).toBe(200);
  });

  it("always allows the app's own origin and never duplicates it", () => {
    const env = parseConfig({ NODE_ENV: "development", ALLOWED_ORIGINS: "http://localhost:3000,https://x.example" });
    expect(allowedOrigins(env)).toEqual(["http://localhost:3000", "https://x.example"]);
  });
});

describe("production base URL", () => {
  it("must be https except on loopback (a local production trial)", () => {
    expect(problemsOf({ ...SAFE_PRODUCTION, NEXTAUTH_URL: "http://app.nerava.example" })).toContain(
      "NEXTAUTH_URL must be https in production",
    );
    expect(problemsOf({ ...SAFE_PRODUCTION, NEXTAUTH_URL: "http://127.0.0.1:3100" })).toEqual([]);
  });
});

describe("development encryption key", () => {
  it("is a usable 32-byte AES-256 key", () => {
    const env = parseConfig({ NODE_ENV: "development" });
    expect(Buffer.from(env.TOKEN_ENCRYPTION_KEY, "base64")).toHaveLength(32);
  });
});

describe("sandbox twins in production", () => {
  const without = (...keys: string[]) => ({
    ...SAFE_PRODUCTION,
    ...Object.fromEntries(keys.map((k) => [k, undefined])),
  });

  it("refuses the simulated car when charging is on and Smartcar's keys are missing, naming the variables", () => {
    const problems = problemsOf(without("SMARTCAR_CLIENT_SECRET"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Charging is enabled \(CHARGING_ENABLED\) but SMARTCAR_CLIENT_ID and SMARTCAR_CLIENT_SECRET are not set: the simulated car would verify sessions and earn rewards/,
    );
    expect(
      problemsOf({ ...without("SMARTCAR_CLIENT_ID", "SMARTCAR_CLIENT_SECRET"), CHARGING_ENABLED: "false" }),
    ).toEqual([]);
  });

  it("never lets SANDBOX_PROVIDERS allow a provider that earns or moves money", () => {
    const problems = problemsOf({ ...without("SMARTCAR_CLIENT_ID"), SANDBOX_PROVIDERS: "smartcar, stripe,square" });
    expect(problems).toEqual([
      "SANDBOX_PROVIDERS may not name 'smartcar' in production: its sandbox twin moves or earns money",
      "SANDBOX_PROVIDERS may not name 'stripe' in production: its sandbox twin moves or earns money",
      "SANDBOX_PROVIDERS may not name 'square' in production: its sandbox twin moves or earns money",
      expect.stringMatching(/^Charging is enabled \(CHARGING_ENABLED\) but SMARTCAR_CLIENT_ID/),
    ]);
    expect(problemsOf({ ...SAFE_PRODUCTION, SANDBOX_PROVIDERS: "twillio" })).toEqual([
      "SANDBOX_PROVIDERS names 'twillio', which is not a provider (smartcar, twilio, email, google, stripe, square)",
    ]);
  });

  it("refuses cash-out without Stripe's key and both webhook secrets, unless cash-out is off", () => {
    const problems = problemsOf(without("STRIPE_CONNECT_WEBHOOK_SECRET"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Cash-out is enabled \(PAYOUTS_ENABLED\) but STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_CONNECT_WEBHOOK_SECRET are not all set/,
    );
    expect(problemsOf({ ...without("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"), PAYOUTS_ENABLED: "false" })).toEqual(
      [],
    );
    expect(problemsOf({ ...without("STRIPE_SECRET_KEY"), SANDBOX_PROVIDERS: "stripe" }).join()).toMatch(
      /SANDBOX_PROVIDERS may not name 'stripe'/,
    );
  });

  it("refuses a business time zone that is not one", () => {
    expect(problemsOf({ NODE_ENV: "development", BUSINESS_TIME_ZONE: "Mars/Olympus" }).join()).toMatch(
      /BUSINESS_TIME_ZONE: must be an IANA time zone/,
    );
  });

  it("refuses the SMS twin unless switched off or named on purpose", () => {
    const keyless = without("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_VERIFY_SERVICE_SID");
    expect(problemsOf(keyless).join()).toMatch(/Text-message sign-in is enabled \(SMS_SIGNIN_ENABLED\) but TWILIO_/);
    expect(problemsOf(without("TWILIO_AUTH_TOKEN")).join()).toMatch(/TWILIO_AUTH_TOKEN/);
    expect(problemsOf({ ...keyless, SMS_SIGNIN_ENABLED: "false" })).toEqual([]);
    expect(problemsOf({ ...keyless, SANDBOX_PROVIDERS: "twilio" })).toEqual([]);
  });

  it("refuses the Square twin without all three Square keys, whatever SANDBOX_PROVIDERS says", () => {
    const problems = problemsOf(without("SQUARE_WEBHOOK_SIGNATURE_KEY"));
    expect(problems).toEqual([
      expect.stringMatching(
        /^SQUARE_APPLICATION_ID, SQUARE_APPLICATION_SECRET and SQUARE_WEBHOOK_SIGNATURE_KEY are not all set: merchants would connect the sandbox Square/,
      ),
    ]);
    expect(problemsOf({ ...without("SQUARE_APPLICATION_SECRET"), SANDBOX_PROVIDERS: "square" }).join()).toMatch(
      /SANDBOX_PROVIDERS may not name 'square'.*SQUARE_APPLICATION_SECRET/,
    );
  });

  it("refuses the email outbox without SMTP_URL unless named on purpose", () => {
    expect(problemsOf(without("SMTP_URL")).join()).toMatch(/SMTP_URL is not set: sign-in links and password resets/);
    expect(problemsOf({ ...without("SMTP_URL"), SANDBOX_PROVIDERS: "email" })).toEqual([]);
  });

  it("refuses Google sign-in against any issuer but Google's unless named on purpose", () => {
    const google = { ...SAFE_PRODUCTION, GOOGLE_CLIENT_ID: "g-client", GOOGLE_CLIENT_SECRET: "g-secret" };
    expect(problemsOf(google)).toEqual([]);
    const sandboxIssuer = { ...google, GOOGLE_ISSUER: "http://127.0.0.1:3193" };
    expect(problemsOf(sandboxIssuer).join()).toMatch(
      /GOOGLE_ISSUER is http:\/\/127\.0\.0\.1:3193, not https:\/\/accounts\.google\.com/,
    );
    expect(problemsOf({ ...sandboxIssuer, SANDBOX_PROVIDERS: "google" })).toEqual([]);
  });

  it("says which twins run and where they may", () => {
    const dev = parseConfig({ NODE_ENV: "development" });
    expect(activeSandboxTwins(dev)).toEqual(["stripe", "smartcar", "twilio", "email", "square"]);
    expect(sandboxAllowed(dev, "smartcar")).toBe(true);
    const prod = parseConfig({ ...SAFE_PRODUCTION, SANDBOX_PROVIDERS: "google" });
    expect(activeSandboxTwins(prod)).toEqual([]);
    expect(sandboxAllowed(prod, "google")).toBe(true);
    expect(sandboxAllowed(prod, "twilio")).toBe(false);
    expect(sandboxAllowed(prod, "smartcar")).toBe(false);
  });

  it("the start check exits non-zero and names the problem", () => {
    vi.stubEnv("NODE_ENV", "production");
    for (const [k, v] of Object.entries(without("SMARTCAR_CLIENT_ID"))) vi.stubEnv(k, v);
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      refuseUnsafeConfig();
      expect(exit).toHaveBeenCalledWith(1);
      expect(String(error.mock.calls[0][0])).toMatch(/Refusing to start[\s\S]*SMARTCAR_CLIENT_ID/);
    } finally {
      exit.mockRestore();
      error.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});

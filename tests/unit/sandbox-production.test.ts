import { afterAll, describe, expect, it, vi } from "vitest";

// A production process whose configuration switched charging and text-message sign-in off (so it
// starts without Smartcar's and Twilio's keys): no sandbox twin may stand in for them, and the
// sandbox-only pages answer 404. config() parses the environment on first successful use.
const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app@127.0.0.1:5432/nerava",
  NEXTAUTH_URL: "https://app.nerava.example",
  NEXTAUTH_SECRET: "s".repeat(48),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  METRICS_TOKEN: "metrics-token-abc",
  SMTP_URL: "smtp://mail.nerava.example:587",
  DEMO_MODE: "false",
  // cash-out is not under test here: it is off, so Stripe's keys are not needed
  PAYOUTS_ENABLED: "false",
  // merchants always connect Square: its keys are always needed
  SQUARE_APPLICATION_ID: "sq0idp-nerava",
  SQUARE_APPLICATION_SECRET: "sq0csp-secret",
  SQUARE_WEBHOOK_SIGNATURE_KEY: "square-signature-key",
};
for (const [k, v] of Object.entries(PRODUCTION)) vi.stubEnv(k, v);
for (const k of ["SMARTCAR_CLIENT_ID", "SMARTCAR_CLIENT_SECRET", "TWILIO_ACCOUNT_SID", "SANDBOX_PROVIDERS"])
  vi.stubEnv(k, undefined);
afterAll(() => vi.unstubAllEnvs());

const smartcar = await import("@/lib/integrations/smartcar");
const { config, ConfigError } = await import("@/lib/config");

const digestOf = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return "rendered";
  } catch (err) {
    return (err as { digest?: string }).digest ?? String(err);
  }
};

// The tests import what they check cold (pages, the provider twins) after stubbing the switches: on
// a busy CI machine that import alone can take longer than vitest's default 5 s.
describe("production without Smartcar's or Twilio's keys", { timeout: 30_000 }, () => {
  it("does not even configure while charging and text-message sign-in are on", () => {
    expect(() => config()).toThrow(ConfigError);
    expect(() => smartcar.vehicleProvider()).toThrow(/SMARTCAR_CLIENT_ID/);
  });

  it("with both switched off: no simulated car and no SMS twin, only clear refusals", async () => {
    vi.stubEnv("CHARGING_ENABLED", "false");
    vi.stubEnv("SMS_SIGNIN_ENABLED", "false");
    expect(config().NODE_ENV).toBe("production");
    expect(() => smartcar.vehicleProvider()).toThrow(
      expect.objectContaining({ code: "charging_disabled", status: 404 }),
    );
    expect(() => smartcar.sandboxVehicle()).toThrow(expect.objectContaining({ code: "charging_disabled" }));
    expect(smartcar.vehicleProviderKind()).toBeNull();
    await expect(smartcar.setSandboxCharging("sandbox-x", { charging: true })).rejects.toMatchObject({
      code: "charging_disabled",
    });
    const { otpSender, smsSignInAvailable } = await import("@/lib/auth/otp-sender");
    expect(smsSignInAvailable()).toBe(false);
    expect(() => otpSender()).toThrow(expect.objectContaining({ code: "sms_disabled", status: 404 }));
  });

  it("the sandbox-only pages answer 404", async () => {
    vi.stubEnv("CHARGING_ENABLED", "false");
    vi.stubEnv("SMS_SIGNIN_ENABLED", "false");
    const { default: sandboxConnect } = await import("@/app/(driver)/app/car/sandbox-connect/page");
    const { default: outbox } = await import("@/app/dev/outbox/page");
    expect(await digestOf(() => sandboxConnect({ searchParams: Promise.resolve({ state: "x" }) }))).toMatch(
      /^NEXT_HTTP_ERROR_FALLBACK;404/,
    );
    expect(await digestOf(() => outbox())).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("the sandbox Google issuer does not start", async () => {
    const { startSandboxIssuer } = await import("@/lib/integrations/google/sandbox-issuer");
    await expect(startSandboxIssuer({ clientId: "c", clientSecret: "s" })).rejects.toThrow(
      /does not run in production/,
    );
  });

  it("the Stripe sandbox does not start unless allowed", async () => {
    const { startStripeSandbox } = await import("@/lib/integrations/stripe/sandbox/server");
    const options = { secretKey: "sk_test_x", settle: { mode: "manual" as const } };
    await expect(startStripeSandbox(options)).rejects.toThrow(/does not run in production/);
    const allowed = await startStripeSandbox({ ...options, allowInProduction: true });
    await allowed.close();
  });
});

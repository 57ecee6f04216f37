import { describe, expect, it } from "vitest";
import { ConfigError, allowedOrigins, parseConfig } from "@/lib/config";

const SAFE_PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app@db.internal:5432/nerava",
  NEXTAUTH_URL: "https://app.nerava.example",
  NEXTAUTH_SECRET: "s".repeat(48),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  METRICS_TOKEN: "metrics-token-abc",
  SMTP_URL: "smtp://mail.nerava.example:587",
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

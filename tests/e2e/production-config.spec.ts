import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_FAKES, STANDALONE_SERVER } from "./fakes-config";
import { budget } from "./helpers";

const trialPort = E2E_FAKES.productionTrialPort;

// The standalone production server (what the Docker image runs) with only the given environment.
function spawnStandalone(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [path.resolve(STANDALONE_SERVER)], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(trialPort),
      HOSTNAME: "127.0.0.1",
      ...env,
    },
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return { child, output: () => output };
}

// With unsafe settings it must exit non-zero and say why.
function startProduction(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const { child, output } = spawnStandalone(env);
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => (clearTimeout(timer), resolve({ code, output: output() })));
  });
}

test.describe("production start", () => {
  test("refuses development secrets and names them", async () => {
    const { code, output } = await startProduction({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
      ALLOWED_ORIGINS: "*",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/NEXTAUTH_SECRET is unset or still the development value/);
    expect(output).toMatch(/TOKEN_ENCRYPTION_KEY/);
    expect(output).toMatch(/ALLOWED_ORIGINS must not contain '\*'/);
  });

  // Everything production needs except Smartcar's keys, with charging on (its default).
  const SAFE_BUT_SMARTCAR = () => ({
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
    NEXTAUTH_URL: `http://127.0.0.1:${trialPort}`,
    NEXTAUTH_SECRET: randomBytes(36).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    METRICS_TOKEN: "metrics-token",
    SMTP_URL: "smtp://127.0.0.1:2525",
    TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
    TWILIO_AUTH_TOKEN: "twilio-token",
    TWILIO_VERIFY_SERVICE_SID: "VA00000000000000000000000000000000",
    STRIPE_SECRET_KEY: "sk_test_production_check",
    STRIPE_WEBHOOK_SECRET: "whsec_platform",
    STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_connect",
    SQUARE_APPLICATION_ID: "sq0idp-production-check",
    SQUARE_APPLICATION_SECRET: "sq0csp-production-check",
    SQUARE_WEBHOOK_SIGNATURE_KEY: "square-signature-key",
  });

  test("refuses to run the simulated car: charging enabled and no Smartcar keys", async () => {
    const { code, output } = await startProduction(SAFE_BUT_SMARTCAR());
    expect(code).not.toBe(0);
    expect(output).toMatch(/Refusing to start/);
    expect(output).toMatch(
      /Charging is enabled \(CHARGING_ENABLED\) but SMARTCAR_CLIENT_ID and SMARTCAR_CLIENT_SECRET are not set/,
    );
    expect(output).not.toMatch(
      /NEXTAUTH_SECRET|TOKEN_ENCRYPTION_KEY|SMTP_URL is not set|TWILIO_ACCOUNT_SID|STRIPE_|SQUARE_/,
    );
  });

  test("SANDBOX_PROVIDERS cannot let a money-moving provider's twin run", async () => {
    const { code, output } = await startProduction({ ...SAFE_BUT_SMARTCAR(), SANDBOX_PROVIDERS: "smartcar,stripe" });
    expect(code).not.toBe(0);
    expect(output).toMatch(/SANDBOX_PROVIDERS may not name 'smartcar' in production/);
    expect(output).toMatch(/SANDBOX_PROVIDERS may not name 'stripe' in production/);
  });

  // The deployable artifact, started cold with a production configuration on the e2e database
  // (migrated by serve.ts): it must come up and answer the readiness probe the chart and compose use.
  test("the standalone server starts with a safe configuration and answers /api/ready 200", async () => {
    test.setTimeout(budget(90_000));
    const databaseUrl = readFileSync(E2E_FAKES.databaseUrlFile, "utf8").trim();
    const { child, output } = spawnStandalone({
      ...SAFE_BUT_SMARTCAR(),
      DATABASE_URL: databaseUrl,
      SMARTCAR_CLIENT_ID: "smartcar-client",
      SMARTCAR_CLIENT_SECRET: "smartcar-secret",
      JOBS_ENABLED: "false",
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      const base = `http://127.0.0.1:${trialPort}`;
      let ready: Response | undefined;
      for (let i = 0; i < 120 && child.exitCode === null; i++) {
        ready = await fetch(`${base}/api/ready`).catch(() => undefined);
        if (ready) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(ready?.status, output()).toBe(200);
      expect(await ready!.json()).toEqual({ ready: true, checks: { database: "ok", migrations: "ok" } });
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      // public/ (the service worker) and .next/static were copied beside server.js
      const sw = await fetch(`${base}/sw.js`);
      expect(sw.status).toBe(200);
      expect(await sw.text()).toContain("/~offline");
      const page = await (await fetch(`${base}/signin`)).text();
      const asset = /\/_next\/static\/[^"']+\.(?:css|js)/.exec(page)?.[0];
      expect(asset).toBeTruthy();
      expect((await fetch(`${base}${asset}`)).status).toBe(200);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
  });
});

import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Runs `next start` in production with unsafe settings: it must exit non-zero and say why.
function startProduction(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", "3199"], {
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => (clearTimeout(timer), resolve({ code, output })));
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
});

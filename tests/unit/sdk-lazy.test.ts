import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Each provider SDK loads on its first call, not with the modules that might make one: a static
// `import … from "<sdk>"` anywhere on their path would load it with every route and every test file
// (Square is about 3,600 files, 1.8 s; twilio 230; passkit-generator 120; nodemailer 35).
const probe = `
const { createRequire } = await import("node:module");
const cache = createRequire(import.meta.url).cache;
// passkit-generator is ESM (not in require's cache); do-not-zip is the CommonJS package only it loads
const markers = { square: "square", twilio: "twilio", "passkit-generator": "do-not-zip", nodemailer: "nodemailer" };
const loaded = () => {
  const paths = Object.keys(cache);
  return Object.fromEntries(Object.entries(markers)
    .map(([sdk, dir]) => [sdk, paths.some((p) => p.includes("/node_modules/" + dir + "/"))]));
};
for (const barrel of ["square", "auth", "email", "wallet", "notifications", "integrations/twilio"])
  await import("./lib/" + barrel + "/index.ts");
await import("./lib/wallet/apple/build-pass.ts");
const before = loaded();

const { squareSdk, isSquareError } = await import("./lib/integrations/square/index.ts");
const client = await squareSdk("token");
const { SquareError } = await import("square");
const square = { client: typeof client.locations.list,
  known: isSquareError(new SquareError({ message: "x", statusCode: 404 })), plain: isSquareError(new Error("x")) };

// nothing listens on port 9: the SDK loads, the request fails as a network error
const { createTwilioVerify } = await import("./lib/integrations/twilio/index.ts");
const otp = createTwilioVerify({ accountSid: "AC" + "0".repeat(32), authToken: "t", serviceSid: "VA" + "0".repeat(32),
  baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 });
const twilio = await otp.check("+15555550100", "123456");

console.log(JSON.stringify({ before, square, twilio, after: loaded() }));
`;

describe("provider SDKs", () => {
  it("are not loaded by the modules that use them; the first call loads each and works", () => {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/server-only-off.mjs", "--input-type=module", "-e", probe],
      { encoding: "utf8", env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" } },
    );
    const result = JSON.parse(out.trim().split("\n").at(-1)!);
    expect(result.before).toEqual({ square: false, twilio: false, "passkit-generator": false, nodemailer: false });
    expect(result.square).toEqual({ client: "function", known: true, plain: false });
    expect(result.twilio).toEqual({ ok: false, reason: "provider_unavailable" });
    expect(result.after).toMatchObject({ square: true, twilio: true });
  }, 60_000);
});

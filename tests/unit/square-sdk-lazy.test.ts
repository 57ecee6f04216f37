import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The Square SDK is about 3,600 files (1.8 s to load). Every server module that might call Square
// loads without it (a static `import { … } from "square"` anywhere on their path would load it with
// every route and every test file); the first Square call loads it.
const probe = `
const { createRequire } = await import("node:module");
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((p) => p.includes("/node_modules/square/"));
await import("./lib/square/index.ts");
await import("./lib/auth/index.ts");
const before = loaded();
const { squareSdk, isSquareError } = await import("./lib/integrations/square/index.ts");
const client = await squareSdk("token");
const { SquareError } = await import("square");
console.log(JSON.stringify({ before, after: loaded(), client: typeof client.locations.list,
  known: isSquareError(new SquareError({ message: "x", statusCode: 404 })), plain: isSquareError(new Error("x")) }));
`;

describe("the Square SDK", () => {
  it("is not loaded by the modules that use it, only by the first Square call", () => {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/server-only-off.mjs", "--input-type=module", "-e", probe],
      { encoding: "utf8", env: { ...process.env, NODE_ENV: "test" } },
    );
    expect(JSON.parse(out.trim().split("\n").at(-1)!)).toEqual({
      before: false,
      after: true,
      client: "function",
      known: true,
      plain: false,
    });
  }, 60_000);
});

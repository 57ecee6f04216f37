// After `next build` (output: "standalone") and `serwist build`: copies public/ (with sw.js) and
// .next/static beside .next/standalone/server.js, which Next leaves to the deployer. The result is
// what the Docker image's runtime stage ships and what tests/e2e/serve.ts runs:
// `node .next/standalone/server.js` (PORT and HOSTNAME from the environment).
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const standalone = path.resolve(".next/standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error('.next/standalone/server.js is missing: is output: "standalone" set in next.config.mjs?');
  process.exit(1);
}
for (const [from, to] of [
  ["public", "public"],
  [".next/static", ".next/static"],
]) {
  rmSync(path.join(standalone, to), { recursive: true, force: true });
  cpSync(path.resolve(from), path.join(standalone, to), { recursive: true });
}
console.log("Standalone server ready: node .next/standalone/server.js");

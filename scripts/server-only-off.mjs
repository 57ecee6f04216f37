// `node --import ./scripts/server-only-off.mjs …`: the scripts that seed demo data (npm run dev,
// db:seed, the e2e server) write it through the domain code in lib/, whose modules start with
// `import "server-only"` — a guard for Next's bundler that throws anywhere else. This resolves it to
// an empty module, as vitest's alias does (tests/support/server-only.ts). Never loaded by the app.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);

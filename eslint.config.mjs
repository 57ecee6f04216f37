// Lint that holds the layering (README "Code layout"): nothing imports from app/; pages and
// components never reach the database or a provider client; a domain's internals stay behind
// its index.ts, for other domains as much as for pages.
import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";
import { defineConfig, globalIgnores } from "eslint/config";

const noApp = { group: ["@/app", "@/app/*"], message: "app/ holds routes only: import from lib/ or components/." };
const noDbOrProviders = {
  group: ["@/lib/db", "@/lib/db/*", "@/lib/integrations", "@/lib/integrations/*"],
  message: "Pages, components and actions call a domain in lib/, never the database or a provider client.",
};
const internalsOf = (domains) => ({
  group: domains.flatMap((d) => (d === "integrations" ? ["@/lib/integrations/*/*"] : [`@/lib/${d}/*`])),
  message: "Import a domain through its index.ts (e.g. @/lib/ledger), not its internal files.",
  allowTypeImports: true, // a type couples nothing at run time
});

// every folder of lib/ is a domain; lib/db's generated types are shared by all of lib/. lib/actions
// is not a domain: one server action per file, each file its own public face.
const domains = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== "actions")
  .map((e) => e.name);
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
// a domain's files: no app/, and other domains only through their index.ts (plus any extra pattern)
const domainRules = (d, ...more) =>
  restrict(noApp, internalsOf(domains.filter((other) => other !== d && other !== "db")), ...more);

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    ".next/**",
    "public/sw.js",
    "node_modules/**",
    "lib/db/generated/**",
    "test-results/**",
    ".data/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["app/**", "components/**"], rules: restrict(noApp, noDbOrProviders, internalsOf(domains)) },
  { files: ["lib/actions/**"], rules: restrict(noApp, noDbOrProviders, internalsOf(domains)) },
  ...domains.map((d) => ({ files: [`lib/${d}/**`], rules: domainRules(d) })),
  // the job handlers reach into every domain: only a worker's start loads them (lib/jobs/workers.ts),
  // never the modules that queue a job, or every route and test file would load the whole app
  {
    files: ["lib/jobs/**"],
    ignores: ["lib/jobs/workers.ts"],
    rules: domainRules("jobs", {
      group: ["./handlers", "@/lib/jobs/handlers"],
      message: "Only lib/jobs/workers.ts loads the handlers; queue by name (lib/jobs/names.ts).",
      allowTypeImports: true,
    }),
  },
]);

import { execSync } from "node:child_process";

function gitSha() {
  if (process.env.GIT_SHA) return process.env.GIT_SHA;
  try {
    return execSync("git rev-parse HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    return "unknown";
  }
}

// The JSON API's security headers (lib/http/security-headers.ts: API_POLICY, HSTS; a unit test
// keeps the two equal). route() sets them on every handler's answer; these reach the answers Next
// gives without a handler (405, OPTIONS, the RSC redirect), since the proxy does not run on the API.
const API_HEADERS = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // .next/standalone: server.js plus only the node_modules files the server uses (the Docker
  // image's runtime stage); public/ and .next/static are copied beside it (scripts/standalone.mjs).
  output: "standalone",
  poweredByHeader: false,
  // npm test checks types itself (tsc, after the build, scripts/test.sh): its build skips Next's own
  // check, which would do the same work twice
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  // Next holds a request body up to this before the app sees it (default 10 MB); our largest
  // accepted bodies are a statement to check (a 2 MB file, in a server action refused past 2.5 MB
  // whole) and a 1 MB webhook, refused past that by lib/http/read-body. The proxy's cap stays above
  // the action's: a body it cut short would reach the action as a broken form, not as too large.
  experimental: {
    proxyClientMaxBodySize: "3mb",
    serverActions: { bodySizeLimit: "2.5mb" },
    // Turbopack writes its build cache to .next/cache by default (about 30 s on this machine); CI
    // builds a clean clone once, so under CI=true that write is pure cost
    turbopackFileSystemCacheForBuild: process.env.CI !== "true",
  },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pino",
    "prom-client",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    // loaded by Node itself (not bundled), so the instrumentations' require hooks see real modules
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/instrumentation",
    "@opentelemetry/instrumentation-http",
    "@opentelemetry/instrumentation-undici",
    "@prisma/instrumentation",
  ],
  env: {
    NEXT_PUBLIC_GIT_SHA: gitSha(),
    NEXT_PUBLIC_BUILD_TIME: new Date().toISOString(),
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(self), geolocation=(self), microphone=()" },
        ],
      },
      // not next-auth's routes: the proxy gives them the pages' policy (its sign-out page has styles)
      { source: "/api", headers: API_HEADERS },
      { source: "/api/:path((?!auth/).*)", headers: API_HEADERS },
      {
        // the service worker (public/sw.js, made by `serwist build`): always revalidated, so an
        // update reaches people on their next visit
        source: "/sw.js",
        headers: [
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
    ];
  },
};

export default nextConfig;

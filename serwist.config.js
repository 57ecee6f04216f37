// `serwist build` (after `next build`, see package.json "build"): bundles lib/pwa/sw.ts into
// public/sw.js with esbuild and injects the precache list. Configurator mode, because Next 16 builds
// with Turbopack and Serwist's webpack plugin would silently emit no worker.
// Precached: the offline page (revised by every build), the build's stylesheets and fonts (so the
// offline page is styled) and the icons. Not the JavaScript: it is cached as it is used.
import { readFileSync } from "node:fs";
import path from "node:path";
import { serwist } from "@serwist/next/config";

export default serwist.withNextConfig((nextConfig) => {
  const distDir = nextConfig.distDir.replace(/^\/+|\/+$/g, "");
  const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  return {
    swSrc: "lib/pwa/sw.ts",
    swDest: "public/sw.js",
    precachePrerendered: false,
    globPatterns: [`${distDir}/static/**/*.{css,woff,woff2}`, "public/**/*.{png,svg,ico}"],
    additionalPrecacheEntries: [{ url: "/~offline", revision: buildId }],
    esbuildOptions: { minify: true },
  };
});

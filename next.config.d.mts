/** Types for next.config.mjs (imported by tests/unit/proxy.test.ts). */
import type { NextConfig } from "next";

declare const nextConfig: NextConfig;
export default nextConfig;

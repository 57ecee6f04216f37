import type { MetadataRoute } from "next";

/**
 * The installable driver app. `id` fixes its identity whatever the start URL becomes; the scope is
 * the whole site so signing in stays inside the installed window. Icons are real PNGs in public/
 * (scripts/make-icons.ts draws them from app/icon.svg).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/app",
    name: "Nerava",
    short_name: "Nerava",
    description: "Earn Nova and cash for charging near partner merchants.",
    start_url: "/app",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: "#059669",
    categories: ["travel", "lifestyle"],
    prefer_related_applications: false,
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}

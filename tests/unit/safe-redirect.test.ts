import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/validation";

const BASES = ["https://nerava.example", "http://127.0.0.1:3140"];

// Targets from issue 9 (items 6 and 7), as they arrive decoded from a query string and as typed.
const HOSTILE = [
  "/\t/evil.example", // `/%09/evil.example` once decoded: browsers drop the tab and read `//evil.example`
  "/\n/evil.example",
  "/\r\n/x", // `/%0d%0a/x`: CR/LF cannot go into a Location header
  "\t//evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "https://evil.example/app",
  "http://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/\u0000/x",
  "/x\u007f",
  "",
  "/" + "a".repeat(600),
];

// Encoded forms stay encoded: they may resolve to an odd path on our origin, never to another host.
const ENCODED = [
  "/%09/evil.example",
  "/%5Cevil.example",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  "/.//evil.example",
];

describe("safeRedirectPath", () => {
  it.each(BASES)("refuses every target that leaves the origin or carries control characters (base %s)", (base) => {
    for (const target of HOSTILE) expect(safeRedirectPath(target, base), JSON.stringify(target)).toBeNull();
    expect(safeRedirectPath(undefined, base)).toBeNull();
    expect(safeRedirectPath(["/app"], base)).toBeNull();
  });

  it.each(BASES)("answers only paths that a browser resolves to our origin (base %s)", (base) => {
    const origin = new URL(base).origin;
    for (const target of [...ENCODED, "https:evil.example", "/app/wallet", "app"]) {
      const path = safeRedirectPath(target, base);
      if (path === null) continue;
      expect(path, target).toMatch(/^\/(?![/\\])/);
      expect(path, target).not.toMatch(/[\u0000-\u001f\u007f\\]/);
      expect(new URL(path, "https://attacker.example").origin, target).toBe("https://attacker.example");
      expect(new URL(path, base).origin, target).toBe(origin);
    }
  });

  it("`https:evil.example` never leaves an http origin", () => {
    expect(safeRedirectPath("https:evil.example", "http://127.0.0.1:3140")).toBeNull();
    expect(safeRedirectPath("https:evil.example")).toBe("/evil.example");
  });

  it("`/.//evil.example` does not normalise into a protocol-relative URL", () => {
    expect(safeRedirectPath("/.//evil.example")).toBeNull();
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirectPath("/app/wallet")).toBe("/app/wallet");
    expect(safeRedirectPath("/app/car/sandbox-connect?state=a%2Bb#top")).toBe(
      "/app/car/sandbox-connect?state=a%2Bb#top",
    );
    expect(safeRedirectPath("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(safeRedirectPath("/auth/continue?to=%2F%09%2Fevil.example")).toBe("/auth/continue?to=%2F%09%2Fevil.example");
  });

  it("accepts an absolute URL on our own origin, as next-auth passes them, and answers its path", () => {
    expect(safeRedirectPath("http://127.0.0.1:3140/app?x=1", "http://127.0.0.1:3140")).toBe("/app?x=1");
    expect(safeRedirectPath("http://127.0.0.1:3141/app", "http://127.0.0.1:3140")).toBeNull();
    expect(safeRedirectPath("https://nerava.example.evil.example/app", "https://nerava.example")).toBeNull();
    expect(safeRedirectPath("https://nerava.example@evil.example/app", "https://nerava.example")).toBeNull();
  });
});

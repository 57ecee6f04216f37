import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/auth/same-origin";

const check = (h: Record<string, string>) => () => assertSameOrigin(new Headers(h));

describe("origin check for cookie-authenticated route handlers", () => {
  it("allows our own origin and same-origin fetches", () => {
    expect(check({ origin: "http://localhost:3000" })).not.toThrow();
    expect(check({ "sec-fetch-site": "same-origin" })).not.toThrow();
  });

  it("refuses foreign, null and cross-site requests", () => {
    expect(check({ origin: "https://evil.example" })).toThrow(/did not come from Nerava/);
    expect(check({ origin: "null" })).toThrow();
    expect(check({ origin: "http://localhost:3000.evil.example" })).toThrow();
    expect(check({ "sec-fetch-site": "cross-site" })).toThrow();
    expect(check({ "sec-fetch-site": "same-site" })).toThrow();
  });
});

import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassToken, passAuthToken, tokenFromHeader, tokenMatchesHash } from "@/lib/wallet/apple/auth-token";

const SECRET = "a-test-secret-that-is-at-least-32-characters";

describe("the pass's authentication token", () => {
  it("is derived per serial and per secret, base64url and long enough for Wallet", () => {
    const a = passAuthToken("serial-a", SECRET);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(passAuthToken("serial-a", SECRET)).toBe(a);
    expect(passAuthToken("serial-b", SECRET)).not.toBe(a);
    expect(passAuthToken("serial-a", `${SECRET}x`)).not.toBe(a);
  });

  it("is not a plain HMAC of the serial under the secret (the key carries its purpose)", () => {
    expect(passAuthToken("serial-a", SECRET)).not.toBe(
      createHmac("sha256", SECRET).update("serial-a").digest("base64url"),
    );
  });

  it("matches only its own stored hash", () => {
    const token = passAuthToken("serial-a", SECRET);
    const stored = hashPassToken(token);
    expect(stored).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenMatchesHash(token, stored)).toBe(true);
    expect(tokenMatchesHash(passAuthToken("serial-b", SECRET), stored)).toBe(false);
    expect(tokenMatchesHash(token, "abc")).toBe(false);
  });

  it("is read from an `ApplePass <token>` header only", () => {
    const token = passAuthToken("serial-a", SECRET);
    expect(tokenFromHeader(`ApplePass ${token}`)).toBe(token);
    for (const header of [null, "", token, `Bearer ${token}`, "ApplePass short", `ApplePass ${token} extra`])
      expect(tokenFromHeader(header)).toBeNull();
  });
});

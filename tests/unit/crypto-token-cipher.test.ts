import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { decryptToken, decryptWith, encryptToken, encryptWith, TokenCipherError } from "@/lib/crypto/token-cipher";

const key = randomBytes(32).toString("base64");
const TOKEN = "a1b2c3d4-access-token-ünïcödé";

/** Flips one bit of one decoded part (1 = iv, 2 = tag, 3 = ciphertext) and re-encodes it canonically. */
function flipBit(ciphertext: string, part: 1 | 2 | 3): string {
  const parts = ciphertext.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("token cipher (AES-256-GCM)", () => {
  it("round-trips a token in the v1 format", () => {
    const ct = encryptWith(key, TOKEN);
    expect(ct).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(ct).not.toContain("access-token");
    expect(decryptWith(key, ct)).toBe(TOKEN);
    expect(decryptWith(key, encryptWith(key, ""))).toBe("");
  });

  it("gives a different ciphertext every time (random IV)", () => {
    const seen = new Set(Array.from({ length: 20 }, () => encryptWith(key, TOKEN)));
    expect(seen.size).toBe(20);
    expect(new Set([...seen].map((ct) => ct.split(".")[1])).size).toBe(20);
  });

  it("refuses a tampered IV, tag or ciphertext", () => {
    const ct = encryptWith(key, TOKEN);
    for (const part of [1, 2, 3] as const) {
      expect(() => decryptWith(key, flipBit(ct, part))).toThrow(TokenCipherError);
    }
  });

  it("refuses a malformed value: other version, truncated tag, extra characters, missing parts", () => {
    const ct = encryptWith(key, TOKEN);
    const [, iv, tag, body] = ct.split(".");
    expect(() => decryptWith(key, `v2.${iv}.${tag}.${body}`)).toThrow(TokenCipherError);
    expect(() => decryptWith(key, `v1.${iv}.${tag.slice(0, 8)}.${body}`)).toThrow(TokenCipherError);
    expect(() => decryptWith(key, `v1.${iv}.${tag}.${body}!`)).toThrow(TokenCipherError);
    expect(() => decryptWith(key, `v1.${iv}.${tag}`)).toThrow(TokenCipherError);
    expect(() => decryptWith(key, "not a ciphertext")).toThrow(TokenCipherError);
  });

  it("fails with the wrong key", () => {
    const ct = encryptWith(key, TOKEN);
    expect(() => decryptWith(randomBytes(32).toString("base64"), ct)).toThrow(TokenCipherError);
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => encryptWith(randomBytes(31).toString("base64"), TOKEN)).toThrow(/32 bytes/);
    expect(() => decryptWith("c2hvcnQ=", encryptWith(key, TOKEN))).toThrow(/32 bytes/);
  });
});

describe("encryptToken / decryptToken", () => {
  const saved = process.env.TOKEN_ENCRYPTION_KEY;
  afterAll(() => {
    if (saved === undefined) delete process.env.TOKEN_ENCRYPTION_KEY;
    else process.env.TOKEN_ENCRYPTION_KEY = saved;
  });

  it("use TOKEN_ENCRYPTION_KEY from the configuration", () => {
    process.env.TOKEN_ENCRYPTION_KEY = key; // before config() first parses the environment in this file
    const ct = encryptToken(TOKEN);
    expect(decryptWith(key, ct)).toBe(TOKEN);
    expect(decryptToken(encryptWith(key, TOKEN))).toBe(TOKEN);
  });
});

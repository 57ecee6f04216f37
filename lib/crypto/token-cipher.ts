import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { config } from "@/lib/config";

// Provider tokens at rest: AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` (base64url, 12-byte random IV).
const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// The version is authenticated too, so a ciphertext cannot be replayed under another format.
const AAD = Buffer.from(VERSION);

/** A key that is not 32 bytes, or a ciphertext that is malformed, forged, tampered with or under another key. */
export class TokenCipherError extends Error {
  override readonly name = "TokenCipherError";
}

function keyFrom(keyB64: string): Buffer {
  const key = Buffer.from(keyB64, "base64");
  if (key.length !== 32) throw new TokenCipherError("The token encryption key must be 32 bytes, base64-encoded");
  return key;
}

/** Strict base64url: Node's decoder skips stray characters, which would let an edited ciphertext decode as the original. */
function decodePart(part: string): Buffer {
  const bytes = Buffer.from(part, "base64url");
  if (bytes.toString("base64url") !== part) throw new TokenCipherError("Malformed token ciphertext");
  return bytes;
}

export function encryptWith(keyB64: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyFrom(keyB64), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const b64 = (bytes: Buffer) => bytes.toString("base64url");
  return `${VERSION}.${b64(iv)}.${b64(cipher.getAuthTag())}.${b64(ct)}`;
}

export function decryptWith(keyB64: string, ciphertext: string): string {
  const key = keyFrom(keyB64);
  const parts = ciphertext.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new TokenCipherError("Malformed token ciphertext");
  const [iv, tag, ct] = parts.slice(1).map(decodePart);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenCipherError("Malformed token ciphertext");

  // authTagLength pins the tag size: GCM would otherwise accept a truncated (weaker) tag.
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenCipherError("Token ciphertext failed authentication (wrong key or tampered)");
  }
}

/** Encrypts with `TOKEN_ENCRYPTION_KEY`. */
export const encryptToken = (plaintext: string): string => encryptWith(config().TOKEN_ENCRYPTION_KEY, plaintext);

/** Decrypts with `TOKEN_ENCRYPTION_KEY`; throws TokenCipherError when the value was not made with it or was altered. */
export const decryptToken = (ciphertext: string): string => decryptWith(config().TOKEN_ENCRYPTION_KEY, ciphertext);

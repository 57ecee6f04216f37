import { randomInt } from "node:crypto";

// Crockford base32 without look-alikes: 12 characters ≈ 60 bits, so guessing is hopeless
// even before the per-user and per-IP attempt limits.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 12;

export function newRedemptionCode(): string {
  return randomCode(CODE_LENGTH);
}

export function randomCode(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** What a person types or a scanner reads, reduced to the stored form (dashes, spaces, case, O/I/L fixed). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export const formatCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

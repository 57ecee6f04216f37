import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum profile).
export const hashPassword = (password: string) => hash(password);

// A real hash to compare against when the account does not exist, so timing does not reveal it.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$C63qahA+7uwQdClxOyUwpQ$d/Gjl+HHqB0q75R8MBVd8oB3CPBy4QR8gyIJipgNvjQ";

export async function verifyPassword(stored: string | null | undefined, candidate: string): Promise<boolean> {
  try {
    const ok = await verify(stored ?? DUMMY_HASH, candidate);
    return ok && !!stored;
  } catch {
    return false;
  }
}

const COMMON = new Set(["password123", "1234567890", "qwertyuiop", "letmein123", "iloveyou12", "nerava2026"]);

export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((p) => !COMMON.has(p.toLowerCase()), "That password is too common; choose another.")
  .refine((p) => new Set(p).size >= 5, "Use a less repetitive password.");

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254));

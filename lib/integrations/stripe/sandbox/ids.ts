import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `acct_1Q…`-style ids: a prefix and 24 random base62 characters. */
export function newId(prefix: "acct" | "tr" | "trr" | "po" | "ba" | "evt" | "req" | "link" | "txn"): string {
  const bytes = randomBytes(24);
  let tail = "";
  for (const b of bytes) tail += BASE62[b % 62];
  return `${prefix}_${tail}`;
}

export const newToken = () => randomBytes(24).toString("base64url");

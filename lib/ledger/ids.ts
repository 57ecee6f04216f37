import { randomBytes } from "node:crypto";

/** Sortable unique id for ledger rows written through raw SQL (time prefix, then randomness). */
export function createId(): string {
  return `l${Date.now().toString(36)}${randomBytes(10).toString("hex")}`;
}

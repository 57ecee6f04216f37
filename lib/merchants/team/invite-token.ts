import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const INVITE_TTL_MS = 7 * 24 * 3600_000;

/** Only the sha256 of an invite token is stored: a database leak exposes no working link. */
export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const newInviteToken = () => randomBytes(32).toString("base64url");

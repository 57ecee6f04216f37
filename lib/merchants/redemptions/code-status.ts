import "server-only";
import type { Actor } from "@/lib/access";
import { findDriverCode } from "./list-codes";
import { unsafeReleaseRedemption } from "./release";

/** A code as its page shows it: still to show, used, or given back (and why). */
export type CodeState = "live" | "redeemed" | "expired" | "cancelled";

export type CodeStatusView = {
  id: string;
  state: CodeState;
  novaAmount: number;
  issuedAt: string;
  expiresAt: string;
  settledAt: string | null;
  /** The server's clock, so the countdown is right on a phone with a wrong clock. */
  now: number;
};

type CodeRow = {
  id: string;
  status: "HELD" | "CONFIRMED" | "RELEASED";
  novaAmount: number;
  createdAt: Date;
  expiresAt: Date;
  settledAt: Date | null;
};

function stateOf(code: CodeRow, now: number): CodeState {
  if (code.status === "CONFIRMED") return "redeemed";
  if (code.status === "HELD") return code.expiresAt.getTime() > now ? "live" : "expired";
  // given back before its time ran out: the driver cancelled it
  return code.settledAt && code.settledAt < code.expiresAt ? "cancelled" : "expired";
}

export function codeStatusView(code: CodeRow, now = Date.now()): CodeStatusView {
  return {
    id: code.id,
    state: stateOf(code, now),
    novaAmount: code.novaAmount,
    issuedAt: code.createdAt.toISOString(),
    expiresAt: code.expiresAt.toISOString(),
    settledAt: code.settledAt?.toISOString() ?? null,
    now,
  };
}

/**
 * One of the driver's own codes as its live status; null when it is not theirs (or does not
 * exist). A hold whose time has run out is given back first, so "expired" means the Nova is back.
 */
export async function readDriverCodeStatus(actor: Actor, codeId: string): Promise<CodeStatusView | null> {
  const code = await findDriverCode(actor, codeId);
  if (!code) return null;
  if (code.status !== "HELD" || code.expiresAt.getTime() > Date.now()) return codeStatusView(code);
  // the code is the driver's (checked above); an expiry is the system's doing, as in releaseExpiredHolds
  await unsafeReleaseRedemption({ codeId: code.id, expired: true });
  const settled = await findDriverCode(actor, codeId);
  return settled ? codeStatusView(settled) : null;
}

import { signState, verifyState, type StateRefusal } from "@/lib/crypto";

const PURPOSE = "smartcar-connect";

/** A signed, 10-minute `state` bound to the signed-in driver (HS256 over a key derived from the auth secret). */
export const signConnectState = (secret: string, userId: string, now = new Date()): Promise<string> =>
  signState({ secret, purpose: PURPOSE, userId, now });

export type StateCheck = { ok: true } | { ok: false; reason: StateRefusal };

/** Refuses a forged or expired state, and one issued to another driver than the one returning. */
export async function verifyConnectState(
  secret: string,
  state: string,
  userId: string,
  now = new Date(),
): Promise<StateCheck> {
  const check = await verifyState({ secret, purpose: PURPOSE, userId, now }, state);
  return check.ok ? { ok: true } : check;
}

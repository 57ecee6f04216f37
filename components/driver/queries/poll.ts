import type { DriverChargingView } from "@/lib/charging";
import type { DriverBalancesView } from "@/lib/ledger";
import type { CodeStatusView } from "@/lib/merchants";

// How often each resource is re-read: often while it can still change on its own, never once it
// has reached a final state (an action that changes it invalidates it instead).

export const POLL = {
  charging: 5_000,
  verifying: 4_000,
  /** A result that never comes should not be polled for ever. */
  verifyingFor: 3 * 60_000,
  liveCode: 3_000,
  balancesMoving: 15_000,
};

/** While charging, and for a while as the ended session is verified. */
export function chargingPollMs(view: DriverChargingView | undefined): number | false {
  if (!view) return false;
  if (view.active) return POLL.charging;
  const recent = view.recent;
  if (recent?.status === "PENDING_WITNESS" && view.now - Date.parse(recent.endedAt) < POLL.verifyingFor)
    return POLL.verifying;
  return false;
}

/** While the code can still be used; redeemed, expired and cancelled are final. */
export function codePollMs(view: CodeStatusView | undefined): number | false {
  return view?.state === "live" ? POLL.liveCode : false;
}

/** While Nova is held for a code or rewards are pending verification: those settle on their own. */
export function balancesPollMs(view: DriverBalancesView | undefined): number | false {
  if (!view) return false;
  return view.nova.held > 0 || view.nova.pending > 0 || view.usd.pending > 0 ? POLL.balancesMoving : false;
}

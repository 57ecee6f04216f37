/** A car's charging state as the driver would say it. */
export function chargeStateLabel(chargeState: string, pluggedIn: boolean | null): string {
  if (chargeState === "CHARGING") return "Charging";
  if (chargeState === "FULLY_CHARGED") return "Fully charged";
  if (pluggedIn === true) return "Plugged in, not charging";
  if (pluggedIn === false || chargeState === "NOT_CHARGING") return "Not plugged in";
  return "Unknown";
}

import { Notice } from "@/components/ui/notice";

// The callback's outcome codes (app/api/smartcar/callback) in words a driver can act on.
const ERRORS: Record<string, string> = {
  declined: "You didn’t allow access, so no car was connected. You can connect whenever you like.",
  state_invalid: "That connection link wasn’t valid. Please start again with “Connect your car”.",
  invalid_callback: "That connection link wasn’t complete. Please start again with “Connect your car”.",
  state_expired: "The connection took too long (links last 10 minutes). Please start again.",
  state_other_user: "That connection was started from another Nerava account. Please start again here.",
  vehicle_taken: "This car is already connected to another Nerava account. Disconnect it there first, then try again.",
  invalid_code: "Your car maker didn’t accept the connection. Please try connecting again.",
  no_vehicles: "No car was shared. Connect again and choose your car on the car maker’s page.",
  connect_failed: "We couldn’t connect your car just now. Please try again in a minute.",
};

/** The banner after returning from the car maker: `?connected=1` or `?error=<code>`. */
export function ConnectNotice({ connected, error }: { connected: boolean; error?: string }) {
  if (error) {
    return (
      <Notice tone="danger" className="mb-6">
        <span className="font-medium">Your car wasn’t connected.</span> {ERRORS[error] ?? ERRORS.connect_failed}
      </Notice>
    );
  }
  if (!connected) return null;
  return (
    <Notice tone="success" className="mb-6">
      <span className="font-medium">Car connected.</span> Nerava can now confirm your charging sessions with your car.
    </Notice>
  );
}

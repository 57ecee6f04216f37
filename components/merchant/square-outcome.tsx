import { Notice } from "@/components/ui/notice";

// What the callback's redirect says (`?connected=1` or `?error=<code>`), as a sentence: the codes
// are ours, so a hand-made query can only pick one of these lines.
const ERRORS: Record<string, string> = {
  declined: "You chose not to allow Nerava in Square, so nothing was connected.",
  state_invalid: "That Square connection link is not valid. Start again with the button below.",
  state_expired: "That Square connection link expired (they last 10 minutes). Start again with the button below.",
  state_other_user: "That Square connection was started by another account. Start again with the button below.",
  invalid_code: "Square did not accept the connection. Start again with the button below.",
  square_taken:
    "That Square account is already connected to another business on Nerava. Disconnect it there first, or contact support.",
  provider_unavailable: "Square did not answer, so nothing was connected. Try again in a few minutes.",
  forbidden: "Only an owner of this business can connect Square.",
  not_found: "That business was not found on your account.",
  not_configured: "Square is not set up on this server yet.",
};
const FALLBACK = "The Square connection did not go through. Try again.";

export function SquareOutcome({ connected, error }: { connected?: string; error?: string }) {
  if (error) return <Notice tone="danger">{Object.hasOwn(ERRORS, error) ? ERRORS[error] : FALLBACK}</Notice>;
  if (connected) return <Notice tone="success">Square is connected. Purchases at your locations now count.</Notice>;
  return null;
}

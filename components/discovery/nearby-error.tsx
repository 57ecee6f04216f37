import { HttpError } from "@/components/driver/queries/get-json";
import { isNetworkFailure } from "@/components/pwa/network-failure";
import { Notice } from "@/components/ui/notice";

/** The route's own sentence when it sent one (a 429 says when to ask again), else ours. */
function sentence(error: unknown): string {
  if (error instanceof HttpError && error.fromServer) return error.message;
  if (isNetworkFailure(error) && !navigator.onLine) return "You’re offline. Chargers load once you have signal.";
  return "We couldn’t load chargers for this area.";
}

/** Why the chargers did not load, announced at once, with a way to ask again. */
export function NearbyError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Notice tone="danger" role="alert">
      {sentence(error)}{" "}
      <button type="button" className="font-medium underline underline-offset-4" onClick={onRetry}>
        Try again
      </button>
    </Notice>
  );
}

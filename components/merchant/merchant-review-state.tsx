import { CircleSlashIcon, HourglassIcon, PauseCircleIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * Shown instead of the operating screens while a merchant is not ACTIVE: waiting for review,
 * not approved (with the admin's reason) or suspended. The server refuses those actions too.
 */
export function MerchantReviewState({ status, reason }: { status: string; reason: string | null }) {
  if (status === "PENDING") {
    return (
      <EmptyState
        icon={<HourglassIcon className="size-6" />}
        title="Waiting for approval"
        description="Thanks for signing up. We review every business before drivers can see it, usually within two working days. Meanwhile you can invite your team; codes and Nova open once you are approved."
      />
    );
  }
  if (status === "REJECTED") {
    return (
      <EmptyState
        icon={<CircleSlashIcon className="size-6" />}
        title={`Not approved: ${reason ?? "no reason was given"}`}
        description="If you can fix this, write to support@nerava.app and we will look again."
      />
    );
  }
  return (
    <EmptyState
      icon={<PauseCircleIcon className="size-6" />}
      title="Paused by Nerava"
      description={`${reason ? `${reason} ` : ""}Drivers cannot see your offers or pay you with Nova until this is resolved. Write to support@nerava.app.`}
    />
  );
}

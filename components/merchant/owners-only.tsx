import { BackLink } from "@/components/ui/back-link";
import { Notice } from "@/components/ui/notice";

/** What staff see on an owner's page: why they cannot, and the way back. */
export function OwnersOnly() {
  return (
    <div className="space-y-4">
      <Notice tone="info">Only the business’s owners can create or change offers.</Notice>
      <BackLink href="/merchant/offers">Back to offers</BackLink>
    </div>
  );
}

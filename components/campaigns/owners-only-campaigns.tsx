import { Notice } from "@/components/ui/notice";

/** What staff see where a shop's campaigns would be. */
export function OwnersOnlyCampaigns() {
  return (
    <Notice tone="info">
      Only the business’s owners can see and run its campaigns. Ask an owner if a campaign needs changing.
    </Notice>
  );
}

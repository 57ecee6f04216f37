import { Badge, type BadgeTone } from "./badge";

const statuses: Record<string, { tone: BadgeTone; label: string }> = {
  ACTIVE: { tone: "brand", label: "Active" },
  PENDING: { tone: "warning", label: "Pending" },
  SUSPENDED: { tone: "danger", label: "Suspended" },
  REJECTED: { tone: "neutral", label: "Not approved" },
};

/** A merchant's program status (ACTIVE / PENDING / SUSPENDED / REJECTED) as a coloured badge. */
export function MerchantStatusBadge({ status }: { status: string }) {
  const known = statuses[status];
  return <Badge tone={known?.tone ?? "neutral"}>{known?.label ?? status}</Badge>;
}

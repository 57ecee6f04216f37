import { Badge, type BadgeTone } from "@/components/ui/badge";

const statuses: Record<string, { tone: BadgeTone; label: string }> = {
  ACTIVE: { tone: "info", label: "Charging" },
  PENDING_WITNESS: { tone: "warning", label: "Verifying" },
  VERIFIED: { tone: "brand", label: "Verified" },
  UNVERIFIED: { tone: "danger", label: "Not verified" },
  CANCELLED: { tone: "neutral", label: "Cancelled" },
};

/** A charging session's status in the driver's words. */
export function sessionStatusLabel(status: string): string {
  return statuses[status]?.label ?? status;
}

export function SessionStatusBadge({ status }: { status: string }) {
  return <Badge tone={statuses[status]?.tone ?? "neutral"}>{sessionStatusLabel(status)}</Badge>;
}

import { Badge } from "@/components/ui/badge";

/** An account's status (ACTIVE / SUSPENDED) as a coloured badge. */
export function UserStatusBadge({ status }: { status: string }) {
  if (status === "ACTIVE") return <Badge tone="brand">Active</Badge>;
  if (status === "SUSPENDED") return <Badge tone="danger">Suspended</Badge>;
  return <Badge>{status}</Badge>;
}

import { Badge, type BadgeTone } from "@/components/ui/badge";

const roles: Record<string, { tone: BadgeTone; label: string }> = {
  DRIVER: { tone: "brand", label: "Driver" },
  MERCHANT: { tone: "info", label: "Merchant" },
  ADMIN: { tone: "warning", label: "Admin" },
};

/** A person's role (DRIVER / MERCHANT / ADMIN) as a coloured badge. */
export function RoleBadge({ role }: { role: string }) {
  const known = roles[role];
  return <Badge tone={known?.tone ?? "neutral"}>{known?.label ?? role}</Badge>;
}

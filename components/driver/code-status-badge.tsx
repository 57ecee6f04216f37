import { Badge } from "@/components/ui/badge";

type CodeState = { status: string; expiresAt: Date };

/** A code as the driver thinks of it: ready to show, redeemed, or given back. */
export function CodeStatusBadge({ code, now }: { code: CodeState; now: Date }) {
  if (code.status === "CONFIRMED") return <Badge tone="brand">Redeemed ✓</Badge>;
  if (code.status === "HELD" && code.expiresAt > now) return <Badge tone="warning">Ready to show</Badge>;
  return <Badge>Nova returned</Badge>;
}

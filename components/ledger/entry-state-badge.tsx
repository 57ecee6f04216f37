import type { EntryState } from "@/lib/ledger";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const states: Record<EntryState, { tone: BadgeTone; label: string }> = {
  available: { tone: "brand", label: "Available" },
  pending: { tone: "info", label: "Pending" },
  held: { tone: "warning", label: "Held for a code" },
  reversed: { tone: "danger", label: "Reversed" },
  expired: { tone: "neutral", label: "Expired" },
  spent: { tone: "neutral", label: "Spent" },
};

/** A statement entry's state in words a driver or cashier understands. */
export function EntryStateBadge({ state }: { state: EntryState }) {
  const { tone, label } = states[state];
  return <Badge tone={tone}>{label}</Badge>;
}

import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { tone: BadgeTone; label: string }> = {
  DRAFT: { tone: "neutral", label: "Draft" },
  LIVE: { tone: "brand", label: "Live" },
  PAUSED: { tone: "warning", label: "Paused" },
  ENDED: { tone: "neutral", label: "Ended" },
};

/** The campaign's status, and "Switched off" beside it when its kill switch is off. */
export function CampaignStatusBadge({ status, enabled }: { status: string; enabled: boolean }) {
  const s = STATUS[status] ?? { tone: "neutral", label: status };
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={s.tone}>{s.label}</Badge>
      {enabled ? null : <Badge tone="danger">Switched off</Badge>}
    </span>
  );
}

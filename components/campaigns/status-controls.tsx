"use client";

import { useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { setCampaignStatusAction } from "@/lib/actions/admin/set-campaign-status";
import { switchCampaignAction } from "@/lib/actions/admin/switch-campaign";
import { setShopCampaignStatusAction } from "@/lib/actions/merchant/set-campaign-status";
import { switchShopCampaignAction } from "@/lib/actions/merchant/switch-campaign";
import { buttonError } from "@/components/auth/action-state";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { FormAlert } from "@/components/ui/form-controls";
import { useStateChange } from "@/components/ui/use-state-change";

type Move = "LIVE" | "PAUSED" | "ENDED" | "switch-off" | "switch-on";
type Props = { surface: "admin" | "merchant"; campaignId: string; name: string; status: string; enabled: boolean };

const BY_STATUS: Record<string, Move[]> = {
  DRAFT: ["LIVE", "ENDED"],
  LIVE: ["PAUSED", "ENDED"],
  PAUSED: ["LIVE", "ENDED"],
};
const LABEL = (status: string): Record<Move, string> => ({
  LIVE: status === "PAUSED" ? "Resume" : "Launch",
  PAUSED: "Pause",
  ENDED: "End",
  "switch-off": "Switch off",
  "switch-on": "Switch on",
});
const QUESTION: Record<Move, (name: string) => string> = {
  LIVE: (n) => `Put “${n}” live? From now on every qualifying trigger pays, within its limits.`,
  PAUSED: (n) => `Pause “${n}”? It pays nothing until resumed; what it paid stays paid.`,
  ENDED: (n) => `End “${n}”? This cannot be undone: an ended campaign never pays again and cannot be revised.`,
  "switch-off": (n) =>
    `Switch off “${n}”? The kill switch stops every payment at once, whatever the status, until switched back on.`,
  "switch-on": (n) => `Switch “${n}” back on? If it is live it pays again from now.`,
};

/** Launch, pause, resume, end, and the kill switch, each after a confirm step. */
export function StatusControls({ surface, campaignId, name, status, enabled }: Props) {
  const admin = surface === "admin";
  const [moved, moveAction, moving] = useFormAction(
    admin ? setCampaignStatusAction : setShopCampaignStatusAction,
    null,
  );
  const [switched, switchAction, switching] = useFormAction(
    admin ? switchCampaignAction : switchShopCampaignAction,
    null,
  );
  const [step, setStep] = useState<Move | null>(null);
  useRefreshOnSuccess(moved);
  useRefreshOnSuccess(switched);
  const closeOnSuccess = (s: { ok: boolean } | null) => {
    if (s?.ok) setStep(null);
  };
  useStateChange(moved, closeOnSuccess);
  useStateChange(switched, closeOnSuccess);
  const labels = LABEL(status);
  const moves: Move[] = [
    ...(BY_STATUS[status] ?? []),
    ...(status === "ENDED" ? [] : ([enabled ? "switch-off" : "switch-on"] as Move[])),
  ];
  if (moves.length === 0)
    return <p className="text-sm text-slate-600">An ended campaign has nothing left to change.</p>;
  if (step) {
    const isSwitch = step === "switch-off" || step === "switch-on";
    return (
      <form action={isSwitch ? switchAction : moveAction} className="max-w-xl">
        <input type="hidden" name="campaignId" value={campaignId} />
        {isSwitch ? (
          <input type="hidden" name="enabled" value={step === "switch-on" ? "true" : "false"} />
        ) : (
          <input type="hidden" name="status" value={step} />
        )}
        <ConfirmBox
          tone={step === "LIVE" || step === "switch-on" ? "brand" : "danger"}
          size="sm"
          question={QUESTION[step](name)}
          confirmLabel={labels[step]}
          pendingLabel="Saving…"
          pending={moving || switching}
          onCancel={() => setStep(null)}
          error={buttonError(isSwitch ? switched : moved)}
        />
      </form>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {moves.map((m) => (
          <Button
            key={m}
            size="sm"
            variant={m === "LIVE" || m === "switch-on" ? "primary" : "secondary"}
            onClick={() => setStep(m)}
          >
            {labels[m]}…
          </Button>
        ))}
      </div>
      <FormAlert message={buttonError(moved) ?? buttonError(switched)} />
    </div>
  );
}

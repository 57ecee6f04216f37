"use client";

import { useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { simulateCampaignAction } from "@/lib/actions/admin/simulate-campaign";
import { simulateShopCampaignAction } from "@/lib/actions/merchant/simulate-campaign";
import { fieldError, unplacedError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";
import { SimulationResult } from "./simulation-result";

type Props = { surface: "admin" | "merchant"; campaignId: string; version: number; budgeted: boolean };

/**
 * Replays the last N days of real triggers through this version's rules (the code that pays) and
 * shows who would have earned what, the cost and when the budget would have run out. Writes nothing.
 */
export function SimulatorPanel({ surface, campaignId, version, budgeted }: Props) {
  const [state, formAction, pending] = useFormAction(
    surface === "admin" ? simulateCampaignAction : simulateShopCampaignAction,
    null,
  );
  // kept in state: React resets an uncontrolled field after the action, and the result names the days replayed
  const [days, setDays] = useState("30");
  return (
    <div className="space-y-5">
      <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="source" value="stored" />
        <input type="hidden" name="campaignId" value={campaignId} />
        <input type="hidden" name="version" value={version} />
        <TextField
          name="replayDays"
          label="Days to replay"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          fieldClassName="w-36"
          error={fieldError(state, "replayDays")}
          hint="1 to 90."
        />
        <SubmitButton pending={pending} pendingLabel="Simulating…" className="mb-5">
          Simulate version {version}
        </SubmitButton>
      </form>
      <FormAlert message={unplacedError(state, ["replayDays"])} />
      {state?.ok ? <SimulationResult result={state.data} budgeted={budgeted} /> : null}
    </div>
  );
}

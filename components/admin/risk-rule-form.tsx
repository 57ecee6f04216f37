"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { updateRiskRuleAction } from "@/lib/actions/admin/update-risk-rule";
import { fieldError, formError } from "@/components/auth/action-state";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { Field, FormAlert, Select, SubmitButton, TextField } from "@/components/ui/form-controls";

type Props = { ruleKey: string; label: string; enabled: boolean; thresholds: Record<string, number> };

/** One rule's switch and thresholds (JSON numbers, checked by the rule's schema on the server). */
export function RiskRuleForm({ ruleKey, label, enabled, thresholds }: Props) {
  const [state, formAction, pending] = useFormAction(updateRiskRuleAction, null);
  useRefreshOnSuccess(state);
  const hasThresholds = Object.keys(thresholds).length > 0;
  return (
    <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <input type="hidden" name="key" value={ruleKey} />
      <Field label={`${label}: on or off`}>
        {(wiring) => (
          <Select name="enabled" defaultValue={enabled ? "on" : "off"} {...wiring}>
            <option value="on">On</option>
            <option value="off">Off</option>
          </Select>
        )}
      </Field>
      {hasThresholds ? (
        <TextField
          name="thresholds"
          label={`${label}: thresholds`}
          defaultValue={JSON.stringify(thresholds)}
          autoComplete="off"
          spellCheck={false}
          fieldClassName="min-w-0 flex-1"
          className="font-mono"
          error={fieldError(state, "thresholds")}
        />
      ) : (
        <input type="hidden" name="thresholds" value="{}" />
      )}
      <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary" size="sm">
        Save<span className="sr-only"> {label}</span>
      </SubmitButton>
      <FormAlert message={formError(state)} />
      {state?.ok ? (
        <span role="status" className="text-xs text-slate-600">
          Saved.
        </span>
      ) : null}
    </form>
  );
}

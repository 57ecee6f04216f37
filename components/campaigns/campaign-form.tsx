"use client";

import { startTransition, useCallback, useRef, useState, type FormEvent } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { createCampaignAction } from "@/lib/actions/admin/create-campaign";
import { reviseCampaignAction } from "@/lib/actions/admin/revise-campaign";
import { createShopCampaignAction } from "@/lib/actions/merchant/create-campaign";
import { reviseShopCampaignAction } from "@/lib/actions/merchant/revise-campaign";
import type { ActionResult } from "@/lib/actions";
import type { CampaignFormValues, UnlockableOffer } from "@/lib/campaigns";
import { fieldError, unplacedError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { Field, FormAlert, Select, SubmitButton, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { EffectFields } from "./effect-fields";
import { onValue } from "./form-state";
import { ConditionFields, LimitFields } from "./rule-fields";
import { ScheduleFields } from "./schedule-fields";

export type CampaignFormTarget =
  | { kind: "create"; surface: "admin" }
  | { kind: "create"; surface: "merchant"; merchantId: string }
  | { kind: "revise"; surface: "admin" | "merchant"; campaignId: string };

type Props = {
  target: CampaignFormTarget;
  values: CampaignFormValues;
  /** Made when the page rendered: the same form sent twice makes one campaign (or version). */
  requestKey: string;
  /** The triggers this person may choose, with their words. */
  triggers: { value: string; label: string }[];
  offers: UnlockableOffer[];
  businessZone: string;
};

type SaveAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ version: number } | undefined>>;
/** The fields whose problems show under a control; any other (a hidden id or key) goes in the form's alert. */
const SHOWN = [
  ...["name", "trigger", "timeZone", "days", "hoursStart", "hoursEnd", "chargerIds", "area", "minKwh", "segment"],
  ...["segmentDays", "startsAt", "endsAt", "perDriver", "perDriverPerDay", "budgetNova", "budgetDollars"],
  ...["effects", "effect0", "effect1", "effect2", "effect3"],
];
// creating redirects to the new campaign; revising answers with the new version
const ACTIONS: Record<"admin" | "merchant", Record<"create" | "revise", SaveAction>> = {
  admin: { create: createCampaignAction, revise: reviseCampaignAction },
  merchant: { create: createShopCampaignAction, revise: reviseShopCampaignAction },
};

/**
 * One form for a new campaign and for a revision (a new version; the trigger stays), admins' and
 * shop owners' alike. The server builds the definition from the fields and answers per field.
 */
export function CampaignForm({ target, values: initial, requestKey, triggers, offers, businessZone }: Props) {
  const [state, formAction, pending] = useFormAction(ACTIONS[target.surface][target.kind], null);
  const [values, setValues] = useState(initial);
  const set = useCallback((field: string, value: string) => setValues((v) => ({ ...v, [field]: value })), []);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  useRefreshOnSuccess(state);
  const err = (field: string) => fieldError(state, field);
  const section = { values, set, err, trigger: values.trigger };
  const revising = target.kind === "revise";
  // React resets a form after its action, which puts controlled selects back on their first option
  // while state keeps the chosen one; dispatching from onSubmit keeps what the person chose on screen
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form ref={form} action={formAction} onSubmit={submit} className="max-w-3xl space-y-8" noValidate>
      {target.kind === "create" && target.surface === "merchant" ? (
        <input type="hidden" name="merchantId" value={target.merchantId} />
      ) : null}
      <input type="hidden" name="requestKey" value={requestKey} />
      {revising ? <input type="hidden" name="campaignId" value={target.campaignId} /> : null}
      {revising ? <input type="hidden" name="trigger" value={values.trigger} /> : null}
      <FormAlert message={unplacedError(state, SHOWN)} />
      {SHOWN.some((field) => err(field)) ? (
        <Notice tone="danger">Please correct the fields marked below.</Notice>
      ) : null}
      {state?.ok && state.data ? <Notice tone="success">Saved as version {state.data.version}.</Notice> : null}
      <fieldset className="space-y-5">
        <legend className="text-base font-semibold text-slate-900">Campaign</legend>
        <TextField
          name="name"
          label="Name"
          value={values.name}
          onChange={onValue(set, "name")}
          maxLength={60}
          hint="3 to 60 characters. Drivers see it on their statement, e.g. “Night owl bonus, 2× Nova”."
          error={err("name")}
          required
        />
        <Field
          label="Trigger"
          error={err("trigger")}
          hint={revising ? "A campaign’s trigger cannot change: end it and create another." : "What earns the reward."}
        >
          {(wiring) => (
            <Select
              {...wiring}
              name={revising ? undefined : "trigger"}
              controlSize="md"
              className="mt-1"
              value={values.trigger}
              disabled={revising}
              onChange={onValue(set, "trigger")}
            >
              {triggers.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>
      <ScheduleFields {...section} businessZone={businessZone} />
      <ConditionFields {...section} admin={target.surface === "admin"} />
      <LimitFields {...section} />
      <EffectFields {...section} offers={offers} />
      <SubmitButton pending={pending} pendingLabel="Saving…" size="lg" className="w-full sm:w-auto">
        {revising ? "Save as a new version" : "Create as a draft"}
      </SubmitButton>
    </form>
  );
}

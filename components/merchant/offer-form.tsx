"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { createOfferAction } from "@/lib/actions/merchant/create-offer";
import { updateOfferAction } from "@/lib/actions/merchant/update-offer";
import { fieldError, unplacedError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextAreaField, TextField } from "@/components/ui/form-controls";
import { StartEndFields } from "@/components/ui/start-end-fields";
import { OfferPreview, type PreviewMerchant } from "./offer-preview";

export type OfferFormValues = {
  title: string;
  description: string;
  novaPrice: string;
  startsAt: string;
  endsAt: string;
  totalLimit: string;
  perDriverLimit: string;
  unlockOnly: boolean;
};
/** The fields whose problems show under a control; a hidden one's (the shop, the offer, the form's key) goes in the alert. */
const SHOWN = ["title", "description", "novaPrice", "totalLimit", "perDriverLimit", "startsAt", "endsAt"];

type Props = {
  merchant: PreviewMerchant;
  values: OfferFormValues;
  offerId?: string;
  hasCodes?: boolean;
  /** A new offer's idempotency key, made when the page rendered: the same form sent twice makes one offer. */
  requestKey?: string;
};

/** Create or edit an offer (one form), with the driver's card previewed as it is typed. */
export function OfferForm({ merchant, values: initial, offerId, hasCodes, requestKey }: Props) {
  const [state, formAction, pending] = useFormAction(offerId ? updateOfferAction : createOfferAction, null);
  const [values, setValues] = useState(initial);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  const set = (field: keyof OfferFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const setWhen = (field: "startsAt" | "endsAt", iso: string) => setValues((v) => ({ ...v, [field]: iso }));
  const err = (field: string) => fieldError(state, field);

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form ref={form} action={formAction} className="space-y-5" noValidate>
        <input type="hidden" name="merchantId" value={merchant.id} />
        {offerId ? <input type="hidden" name="offerId" value={offerId} /> : null}
        {requestKey ? <input type="hidden" name="requestKey" value={requestKey} /> : null}
        <input type="hidden" name="startsAt" value={values.startsAt} />
        <input type="hidden" name="endsAt" value={values.endsAt} />
        <FormAlert message={unplacedError(state, SHOWN)} />
        <TextField
          name="title"
          label="Title"
          value={values.title}
          onChange={set("title")}
          maxLength={80}
          hint="3 to 80 characters, e.g. “Iced latte for one”."
          error={err("title")}
          required
        />
        <TextAreaField
          name="description"
          label="Description"
          rows={3}
          value={values.description}
          onChange={set("description")}
          maxLength={500}
          hint="10 to 500 characters: what the driver gets and any conditions."
          error={err("description")}
          required
        />
        <TextField
          name="novaPrice"
          label="Price in Nova"
          inputMode="numeric"
          value={values.novaPrice}
          onChange={set("novaPrice")}
          hint={
            hasCodes
              ? "A whole number from 1 to 100,000. Changing it is fine: codes drivers already hold keep the price they were issued at."
              : "A whole number from 1 to 100,000. Codes drivers already hold keep the price they were issued at."
          }
          error={err("novaPrice")}
          required
        />
        <StartEndFields startsAt={values.startsAt} endsAt={values.endsAt} onChange={setWhen} err={err} />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            name="totalLimit"
            label="Total limit (optional)"
            inputMode="numeric"
            value={values.totalLimit}
            onChange={set("totalLimit")}
            hint="How many times it can be redeemed in all."
            error={err("totalLimit")}
          />
          <TextField
            name="perDriverLimit"
            label="Per-driver limit (optional)"
            inputMode="numeric"
            value={values.perDriverLimit}
            onChange={set("perDriverLimit")}
            hint="How many times one driver can redeem it."
            error={err("perDriverLimit")}
          />
        </div>
        <div className="flex items-start gap-3">
          <input
            id="offer-unlock-only"
            type="checkbox"
            name="unlockOnly"
            checked={values.unlockOnly}
            onChange={(e) => setValues((v) => ({ ...v, unlockOnly: e.target.checked }))}
            aria-describedby="offer-unlock-only-hint"
            className="mt-0.5 size-5 shrink-0 rounded border-slate-300 accent-brand-700"
          />
          <div>
            <label htmlFor="offer-unlock-only" className="text-sm font-medium text-slate-800">
              Only for drivers a campaign unlocks it for
            </label>
            <p id="offer-unlock-only-hint" className="mt-1 text-xs text-slate-500">
              Hidden from everyone else, who cannot redeem it either. Drivers see which campaign unlocked it.
            </p>
          </div>
        </div>
        <SubmitButton pending={pending} pendingLabel="Saving…" size="lg" className="w-full sm:w-auto">
          {offerId ? "Save changes" : "Create offer"}
        </SubmitButton>
      </form>
      <OfferPreview merchant={merchant} {...values} />
    </div>
  );
}

"use client";

import { useId } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { selectMerchantAction } from "@/lib/actions/merchant/select-merchant";
import { formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import type { MerchantChoice } from "@/lib/merchants";

/** Which merchant a member of several works on: chosen explicitly, never guessed. */
export function MerchantSwitcher({ merchants, current }: { merchants: MerchantChoice[]; current?: string }) {
  const [state, formAction, pending] = useFormAction(selectMerchantAction, null);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <FormAlert message={formError(state)} />
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-slate-600">
          Merchant
        </label>
        <select
          id={id}
          name="merchantId"
          defaultValue={current ?? merchants[0]?.id}
          className="mt-1 block h-9 rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-900"
        >
          {merchants.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pending={pending} pendingLabel="Switching…" size="sm" variant="secondary">
        {current ? "Switch" : "Work on this merchant"}
      </SubmitButton>
    </form>
  );
}

"use client";

import { useId } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { changeRoleAction } from "@/lib/actions/admin/change-role";
import { Select, SubmitButton } from "@/components/ui/form-controls";

const ROLES = [
  { value: "DRIVER", label: "Driver" },
  { value: "MERCHANT", label: "Merchant" },
  { value: "ADMIN", label: "Admin" },
] as const;

/** A role select and Save for one user row. `who` names the person for screen readers. */
export function ChangeRoleForm({ userId, role, who }: { userId: string; role: string; who: string }) {
  const [state, formAction, pending] = useFormAction(changeRoleAction, null);
  const id = useId();
  const messageId = `${id}-message`;
  return (
    // `relative` keeps the screen-reader-only text positioned inside the table's scroll box.
    <form action={formAction} className="relative flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Role for {who}
        </label>
        {/* Keyed by the saved role so it remounts showing the new role after the page refreshes. */}
        <Select
          key={role}
          id={id}
          name="role"
          defaultValue={role}
          aria-describedby={state ? messageId : undefined}
          aria-invalid={state && !state.ok ? true : undefined}
          className="w-auto"
        >
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </Select>
        <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary" size="sm">
          Save<span className="sr-only"> role for {who}</span>
        </SubmitButton>
      </div>
      {state?.ok ? (
        <span id={messageId} role="status" className="text-xs font-medium text-brand-700">
          Role saved
        </span>
      ) : null}
      {state && !state.ok ? (
        <span id={messageId} role="alert" className="max-w-56 text-xs whitespace-normal text-rose-700">
          {state.error.fields?.role ?? state.error.message}
        </span>
      ) : null}
    </form>
  );
}

"use client";

import { useCallback, useEffect, useState, type FormEvent, type RefObject } from "react";
import type { ActionState } from "@/lib/actions";

/** The message for one field from a failed action, if any. */
export function fieldError(state: ActionState<unknown>, field: string): string | undefined {
  return state && !state.ok ? state.error.fields?.[field] : undefined;
}

/** The form-level message from a failed action, if any. */
export function formError(state: ActionState<unknown>): string | undefined {
  return state && !state.ok ? state.error.message : undefined;
}

/**
 * The message for a form whose fields are all hidden (a button, a switch): a field's own sentence
 * ("This unsubscribe link is incomplete…"), since there is no field on screen to highlight, else
 * the form-level message.
 */
export function buttonError(state: ActionState<unknown>): string | undefined {
  return state && !state.ok ? (Object.values(state.error.fields ?? {})[0] ?? state.error.message) : undefined;
}

/**
 * The sentences of fields a form does not show (hidden ids and keys): nowhere to put them but the
 * form's alert. Undefined when every problem sits under a field on screen.
 */
export function unplacedError(state: ActionState<unknown>, shown: readonly string[]): string | undefined {
  if (!state || state.ok) return undefined;
  if (!state.error.fields) return state.error.message;
  const loose = Object.entries(state.error.fields).filter(([field]) => !shown.includes(field));
  return loose.length ? loose.map(([, sentence]) => sentence).join(" ") : undefined;
}

/**
 * React resets a form after its action runs. This keeps what the person typed in the listed
 * (non-secret) fields so a failed attempt does not wipe them: read the values on submit, feed
 * them back as `defaultValue`. Passwords are never kept.
 */
export function useKeptValues(fields: readonly string[]) {
  const [values, setValues] = useState<Record<string, string>>({});
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const data = new FormData(event.currentTarget);
      setValues(Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? "")])));
    },
    [fields],
  );
  return { values, onSubmit };
}

/** After a failed attempt, move focus to the first field the server flagged. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, state: ActionState<unknown>) {
  useEffect(() => {
    if (!state || state.ok || !state.error.fields) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus();
  }, [form, state]);
}

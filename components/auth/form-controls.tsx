"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

// The pieces every auth, account and admin form shares: a labelled field wired to its hint and
// server error, the form-level alert, and a submit button that shows it is working.

const inputClasses =
  "block h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm " +
  "placeholder:text-slate-400 focus:border-brand-600 aria-invalid:border-rose-500 aria-invalid:bg-rose-50/40 sm:text-sm";

type TextFieldProps = Omit<ComponentProps<"input">, "id" | "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The server's message for this field (from `error.fields`). */
  error?: string;
  /** Extra content on the label's line, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
};

/** The email field every sign-in form uses: right keyboard, autofill, no auto-capitals. */
export function EmailField(props: Omit<TextFieldProps, "name" | "label" | "type">) {
  return (
    <TextField
      name="email"
      label="Email"
      type="email"
      autoComplete="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      required
      {...props}
    />
  );
}

export function TextField({ name, label, hint, error, labelAside, className = "", ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {labelAside}
      </div>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 ${inputClasses} ${className}`}
        {...input}
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-rose-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The action's error message. Rendered only when there is one, so screen readers announce it. */
export function FormAlert({ message, children }: { message?: string; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
      {message}
      {children}
    </div>
  );
}

type SubmitButtonProps = Omit<ComponentProps<typeof Button>, "type"> & { pending: boolean; pendingLabel: string };

/** Disabled while the action runs, with a label that says what is happening. */
export function SubmitButton({ pending, pendingLabel, children, disabled, ...props }: SubmitButtonProps) {
  return (
    <Button type="submit" disabled={pending || disabled} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

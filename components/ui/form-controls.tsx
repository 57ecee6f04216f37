"use client";

import { cva, type VariantProps } from "class-variance-authority";
import { useId, type ComponentProps, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { Notice } from "./notice";

// The pieces every form shares: a labelled field wired to its hint and server error, the
// form-level alert, and a submit button that shows it is working.

/** The look of an input, textarea or select. */
export const controlVariants = cva(
  "block w-full rounded-lg border border-slate-300 bg-white px-3 text-slate-900 shadow-sm placeholder:text-slate-400 " +
    "focus:border-brand-600 aria-invalid:border-rose-500 aria-invalid:bg-rose-50/40",
  {
    variants: {
      size: {
        sm: "h-8 px-2 text-sm",
        md: "h-11 text-base sm:text-sm",
        lg: "h-12 text-base",
        /** A textarea: its rows set the height. */
        area: "py-2 text-base sm:text-sm",
      },
      /** Codes and pass numbers: monospace, with a placeholder in the normal font. */
      mono: {
        true: "font-mono placeholder:font-sans placeholder:text-base placeholder:tracking-normal placeholder:normal-case",
        false: "",
      },
    },
    defaultVariants: { size: "md", mono: false },
  },
);

type ControlStyle = { controlSize?: VariantProps<typeof controlVariants>["size"]; mono?: boolean };

/** What a control needs from its field: the id its label points at, and its error/hint wiring. */
export type ControlWiring = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  /** The server's message for this field (from `error.fields`). */
  error?: string;
  /** Extra content on the label's line, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
  className?: string;
  children: (control: ControlWiring) => ReactNode;
};

/** A label, the control (rendered by `children` with the ids to wire), its error, then its hint. */
export function Field({ label, hint, error, labelAside, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {labelAside}
      </div>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [errorId, hintId].filter(Boolean).join(" ") || undefined,
      })}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A field's error line; give it the id the control's aria-describedby names. */
export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm font-medium text-rose-700">
      {children}
    </p>
  );
}

type FieldTextProps = Omit<FieldProps, "children"> &
  ControlStyle & {
    name: string;
    /** Classes for the field's wrapper (className styles the control). */
    fieldClassName?: string;
  };

/** Splits a field's props into the Field's, the control's classes and the control's own attributes. */
function splitFieldProps<P extends FieldTextProps & { className?: string }>(
  { label, hint, error, labelAside, fieldClassName, className, controlSize, mono, ...control }: P,
  defaultSize: ControlStyle["controlSize"],
) {
  return {
    field: { label, hint, error, labelAside, className: fieldClassName },
    controlClassName: cn("mt-1", controlVariants({ size: controlSize ?? defaultSize, mono }), className),
    control,
  };
}

type TextFieldProps = Omit<ComponentProps<"input">, "id" | "name" | "size"> & FieldTextProps;

export function TextField(props: TextFieldProps) {
  const { field, controlClassName, control } = splitFieldProps(props, "md");
  return <Field {...field}>{(wiring) => <input {...wiring} className={controlClassName} {...control} />}</Field>;
}

type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "id" | "name"> & FieldTextProps;

export function TextAreaField(props: TextAreaFieldProps) {
  const { field, controlClassName, control } = splitFieldProps(props, "area");
  return <Field {...field}>{(wiring) => <textarea {...wiring} className={controlClassName} {...control} />}</Field>;
}

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

/** A select with the controls' look (its label is the caller's: inline rows often keep it sr-only). */
export function Select({ className, controlSize = "sm", ...props }: ComponentProps<"select"> & ControlStyle) {
  return <select className={cn(controlVariants({ size: controlSize }), className)} {...props} />;
}

/** The action's error message. Rendered only when there is one, so screen readers announce it. */
export function FormAlert({ message, children }: { message?: string; children?: ReactNode }) {
  if (!message) return null;
  return (
    <Notice tone="danger">
      {message}
      {children}
    </Notice>
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

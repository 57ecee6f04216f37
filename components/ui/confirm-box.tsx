"use client";

import { cva } from "class-variance-authority";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { FormAlert, SubmitButton } from "./form-controls";

const confirmBoxVariants = cva("space-y-3 rounded-xl border p-4", {
  variants: {
    tone: {
      danger: "border-rose-200 bg-rose-50 text-rose-900",
      brand: "border-brand-200 bg-brand-50 text-brand-950",
    },
  },
  defaultVariants: { tone: "danger" },
});

type ConfirmBoxProps = {
  /** The question, in full: what will happen and what it costs. */
  question: ReactNode;
  /** `danger` (a red button) for things that cannot be undone by the person asking. */
  tone?: "danger" | "brand";
  /** The confirm button, which submits the surrounding form. */
  confirmLabel: ReactNode;
  pendingLabel: string;
  pending: boolean;
  cancelLabel?: string;
  onCancel: () => void;
  /** The action's error message, shown above the buttons. */
  error?: string;
  size?: "sm" | "md";
  /** On phones the two buttons share the row (the driver's screens). */
  stretch?: boolean;
  /** Focus the question when it appears; turn off when the caller focuses a field instead. */
  focusQuestion?: boolean;
  className?: string;
  /** Details and fields between the question and the buttons. */
  children?: ReactNode;
};

/**
 * The second step of a two-step action: the question (focused when it appears, so keyboard and
 * screen-reader users land on it), any details, the action's error, then confirm and cancel.
 * Put it inside the form whose action it confirms.
 */
export function ConfirmBox({
  question,
  tone = "danger",
  confirmLabel,
  pendingLabel,
  pending,
  cancelLabel = "Cancel",
  onCancel,
  error,
  size = "md",
  stretch = false,
  focusQuestion = true,
  className,
  children,
}: ConfirmBoxProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focusQuestion) ref.current?.focus();
  }, [focusQuestion]);
  const button = stretch ? "flex-1 sm:flex-none" : undefined;
  return (
    <div className={cn(confirmBoxVariants({ tone }), className)}>
      <p ref={ref} tabIndex={-1} className="text-sm font-medium wrap-anywhere outline-none">
        {question}
      </p>
      {children}
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton
          pending={pending}
          pendingLabel={pendingLabel}
          variant={tone === "danger" ? "danger" : "primary"}
          size={size}
          className={button}
        >
          {confirmLabel}
        </SubmitButton>
        <Button variant="secondary" size={size} disabled={pending} onClick={onCancel} className={button}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}

/**
 * Whether a confirm step is open. Put `triggerRef` on the button that opens it: focus goes back
 * there when the step closes without the action taking the page elsewhere.
 */
export function useConfirmStep() {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const ask = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, ask, close, triggerRef };
}

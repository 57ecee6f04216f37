"use client";

import { cva } from "class-variance-authority";
import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "./cn";

type ConfirmBoxProps = {
  /** The question, in full: what will happen and what it costs. */
  question: ReactNode;
  /** `danger` for things that cannot be undone by the person asking. */
  tone?: "danger" | "brand";
  className?: string;
  children: ReactNode;
};

const confirmBoxVariants = cva("space-y-3 rounded-xl border p-4", {
  variants: {
    tone: {
      danger: "border-rose-200 bg-rose-50 text-rose-900",
      brand: "border-brand-200 bg-brand-50 text-brand-950",
    },
  },
  defaultVariants: { tone: "danger" },
});

/**
 * The second step of a two-step action: the question (focused when it appears, so keyboard and
 * screen-reader users land on it), then the fields and buttons passed as children.
 */
export function ConfirmBox({ question, tone, className, children }: ConfirmBoxProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className={cn(confirmBoxVariants({ tone }), className)}>
      <p ref={ref} tabIndex={-1} className="text-sm font-medium outline-none">
        {question}
      </p>
      {children}
    </div>
  );
}

"use client";

import { useEffect, useRef, type ReactNode } from "react";

type ConfirmBoxProps = {
  /** The question, in full: what will happen and what it costs. */
  question: ReactNode;
  /** `danger` for things that cannot be undone by the person asking. */
  tone?: "danger" | "brand";
  className?: string;
  children: ReactNode;
};

const tones = {
  danger: "border-rose-200 bg-rose-50 text-rose-900",
  brand: "border-brand-200 bg-brand-50 text-brand-950",
};

/**
 * The second step of a two-step action: the question (focused when it appears, so keyboard and
 * screen-reader users land on it), then the fields and buttons passed as children.
 */
export function ConfirmBox({ question, tone = "danger", className = "", children }: ConfirmBoxProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className={`space-y-3 rounded-xl border p-4 ${tones[tone]} ${className}`}>
      <p ref={ref} tabIndex={-1} className="text-sm font-medium outline-none">
        {question}
      </p>
      {children}
    </div>
  );
}

/** Classes for a destructive submit button (red), matching the other confirm steps. */
export const dangerButton = "bg-rose-700 hover:bg-rose-800 disabled:hover:bg-rose-700";

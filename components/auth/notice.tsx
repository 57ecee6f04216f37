import type { ReactNode } from "react";

type NoticeTone = "success" | "info" | "warning" | "danger";

const tones: Record<NoticeTone, string> = {
  success: "border-brand-200 bg-brand-50 text-brand-900",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  danger: "border-rose-200 bg-rose-50 text-rose-800",
};

/**
 * A line of feedback above a form. `danger` is an alert (announced at once); the others are a
 * polite status.
 */
export function Notice({
  tone = "info",
  children,
  className = "",
}: {
  tone?: NoticeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={`rounded-lg border px-3 py-2 text-sm ${tones[tone]} ${className}`}
    >
      {children}
    </div>
  );
}

import { cva, type VariantProps } from "class-variance-authority";
import type { ReactNode } from "react";
import { cn } from "./cn";

const noticeVariants = cva("rounded-lg border px-3 py-2 text-sm", {
  variants: {
    tone: {
      success: "border-brand-200 bg-brand-50 text-brand-900",
      info: "border-sky-200 bg-sky-50 text-sky-900",
      warning: "border-amber-200 bg-amber-50 text-amber-900",
      danger: "border-rose-200 bg-rose-50 text-rose-800",
    },
    withIcon: { true: "flex items-start gap-2", false: "" },
  },
  defaultVariants: { tone: "info", withIcon: false },
});

type NoticeProps = {
  tone?: NonNullable<VariantProps<typeof noticeVariants>["tone"]>;
  /**
   * `danger` is an alert (announced at once), the others a polite status. Override for a
   * warning that must interrupt (`alert`) or a line that is always there (`note`).
   */
  role?: "alert" | "status" | "note";
  /** A decorative icon before the text. */
  icon?: ReactNode;
  className?: string;
  children: ReactNode;
};

/** A line (or a few) of feedback: above a form, after an action, or about the page's state. */
export function Notice({ tone = "info", role, icon, className, children }: NoticeProps) {
  return (
    <div
      role={role ?? (tone === "danger" ? "alert" : "status")}
      className={cn(noticeVariants({ tone, withIcon: Boolean(icon) }), className)}
    >
      {icon ? (
        <>
          <span className="mt-0.5 shrink-0" aria-hidden="true">
            {icon}
          </span>
          <div className="min-w-0">{children}</div>
        </>
      ) : (
        children
      )}
    </div>
  );
}

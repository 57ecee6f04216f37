import type { HTMLAttributes, ReactNode } from "react";

type CardProps = HTMLAttributes<HTMLElement> & {
  as?: "div" | "section" | "article" | "li";
  padded?: boolean;
  children: ReactNode;
};

/** A white, bordered surface. `as` picks the element so lists and sections stay semantic. */
export function Card({ as: Tag = "div", padded = true, className = "", children, ...rest }: CardProps) {
  return (
    <Tag
      className={`rounded-2xl border border-slate-200 bg-white shadow-sm ${padded ? "p-4 sm:p-5" : ""} ${className}`}
      {...rest}
    >
      {children}
    </Tag>
  );
}

import { cva } from "class-variance-authority";
import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

const cardVariants = cva("rounded-2xl border border-slate-200 bg-white shadow-sm", {
  variants: { padded: { true: "p-4 sm:p-5", false: "" } },
  defaultVariants: { padded: true },
});

type CardProps = HTMLAttributes<HTMLElement> & {
  as?: "div" | "section" | "article" | "li";
  padded?: boolean;
  children: ReactNode;
};

/** A white, bordered surface. `as` picks the element so lists and sections stay semantic. */
export function Card({ as: Tag = "div", padded, className, children, ...rest }: CardProps) {
  return (
    <Tag className={cn(cardVariants({ padded }), className)} {...rest}>
      {children}
    </Tag>
  );
}

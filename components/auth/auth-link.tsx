import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/** A text link in the brand colour, for links inside sign-in cards and notices. */
export function AuthLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link {...props} className={cn("font-medium text-brand-700 underline-offset-4 hover:underline", className)} />;
}

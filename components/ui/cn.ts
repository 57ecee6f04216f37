import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names (strings, conditionals, arrays) and lets a later Tailwind class win over an
 * earlier one of the same kind, so a caller's `h-11` replaces a size's `h-10` whatever the CSS order.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

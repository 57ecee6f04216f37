import { formatDateTime } from "@/components/ui/format";

/** "just now", "3 min ago", "2 h ago", then the date: how old a car's reading is. */
export function readAgo(at: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `on ${formatDateTime(at)}`;
}

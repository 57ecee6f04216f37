import { Skeleton } from "@/components/ui/skeleton";

/**
 * The driver tabs' streaming placeholder (their loading.tsx files). Home and Charge have none:
 * they render whole on the server, so their first paint is the page itself (a skeleton there was
 * the first contentful paint, and the real content a second, later one); a tap on the tab bar
 * still shows progress at once (NavLink's pending bar).
 */
export function DriverLoading() {
  return (
    <div role="status" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="mt-2 h-4 w-64 max-w-full" />
      <Skeleton className="mt-8 h-6 w-48" />
      <div className="mt-3 space-y-3">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-40 rounded-2xl" />
        ))}
      </div>
    </div>
  );
}

import type { NearbyResult } from "@/lib/discovery/nearby-contract";

const dateOf = (iso: string) => new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric" });

type ResultLineProps = {
  result: NearbyResult | undefined;
  fetching: boolean;
  /** The request failed (and is not being asked again): nothing is loading any more. */
  failed: boolean;
};

/** How many chargers the map shows (announced politely as it changes) and how fresh the data is. */
export function ResultLine({ result, fetching, failed }: ResultLineProps) {
  const n = result?.chargers.length;
  return (
    <p role="status" className="min-w-0 text-sm text-slate-600">
      <span data-testid="charger-count">
        {n === undefined
          ? failed
            ? "Chargers not loaded"
            : "Loading chargers…"
          : n === 1
            ? "1 charger in this area"
            : `${n} chargers in this area`}
      </span>
      {result?.truncated ? <span> · zoom in to see them all</span> : null}
      {fetching && n !== undefined ? <span className="text-slate-400"> · updating…</span> : null}
      {result?.asOf ? (
        <span className="block text-xs text-slate-500">Charger data as of {dateOf(result.asOf)}</span>
      ) : null}
    </p>
  );
}

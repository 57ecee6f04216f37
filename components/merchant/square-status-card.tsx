import { MapPinIcon, StoreIcon } from "lucide-react";
import type { SquareStatus } from "@/lib/square";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { SquareConnectButton, SquareDisconnect } from "./square-actions";

const LABELS = {
  CONNECTED: { text: "Connected", tone: "brand" },
  RECONNECT_REQUIRED: { text: "Reconnect required", tone: "warning" },
  DISCONNECTED: { text: "Not connected", tone: "neutral" },
  NOT_CONNECTED: { text: "Not connected", tone: "neutral" },
} as const;

/** The merchant's Square connection: its state, its locations, and (for owners) what to do next. */
export function SquareStatusCard({ merchantId, square }: { merchantId: string; square: SquareStatus }) {
  const label = LABELS[square.status];
  const linked = square.status === "CONNECTED" || square.status === "RECONNECT_REQUIRED";
  return (
    <Card as="section" aria-labelledby="square-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="square-heading" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
          <StoreIcon className="size-5 text-brand-600" aria-hidden="true" />
          Square
        </h2>
        <Badge tone={label.tone}>{label.text}</Badge>
      </div>
      <Summary square={square} />
      {linked && square.locations.length > 0 ? <Locations locations={square.locations} /> : null}
      {square.canManage ? (
        <div className="flex flex-col gap-3 border-t border-slate-100 pt-4 sm:flex-row sm:items-start">
          {square.status !== "CONNECTED" ? (
            <SquareConnectButton
              merchantId={merchantId}
              label={square.status === "RECONNECT_REQUIRED" ? "Reconnect Square" : "Connect Square"}
            />
          ) : null}
          {linked ? <SquareDisconnect merchantId={merchantId} /> : null}
        </div>
      ) : (
        <p className="text-sm text-slate-500">Only the business’s owners can connect or disconnect Square.</p>
      )}
    </Card>
  );
}

function Summary({ square }: { square: SquareStatus }) {
  if (square.status === "CONNECTED")
    return (
      <p className="text-sm text-slate-700">
        Connected since {square.connectedAt ? formatDate(square.connectedAt) : "—"}. Nerava reads your sales to reward
        drivers who shop with you.
      </p>
    );
  if (square.status === "RECONNECT_REQUIRED")
    return (
      <Notice tone="warning" role="note">
        <p className="font-medium">Square no longer accepts our access, so purchases are not being matched.</p>
        {square.reason ? <p className="mt-1">{square.reason}</p> : null}
        <p className="mt-1">An owner can reconnect below; nothing else is lost.</p>
      </Notice>
    );
  return (
    <p className="text-sm text-slate-700">
      Connect your Square account so purchases at your locations earn drivers rewards automatically. Nerava only reads
      your business profile, orders, payments and customers; it never changes anything in Square.
    </p>
  );
}

function Locations({ locations }: { locations: SquareStatus["locations"] }) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-900">Locations</h3>
      <ul className="mt-2 divide-y divide-slate-100 rounded-xl border border-slate-200">
        {locations.map((l) => (
          <li key={l.id} className="flex items-start gap-3 px-3 py-2">
            <MapPinIcon className="mt-0.5 size-4 shrink-0 text-brand-600" aria-hidden="true" />
            <div className="min-w-0">
              <p className="text-sm font-medium break-words text-slate-900">{l.name}</p>
              <p className="text-xs break-words text-slate-500">{l.address ?? "No address in Square"}</p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

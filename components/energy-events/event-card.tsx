import { MoonIcon, PauseIcon } from "lucide-react";
import Link from "next/link";
import type { EventPhase } from "@/lib/energy-events";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { ParticipationButton } from "./participation-button";

export type EventCardData = {
  id: string;
  name: string;
  description: string | null;
  kind: "CHARGE" | "PAUSE";
  phase: EventPhase;
  /** "Wed 3 Dec, 01:00–05:00" on the business clock, and the opening time alone. */
  when: string;
  opensAt: string;
  pitch: string;
  entry: { status: string; nova: number; reason: string | null } | null;
  hasCar: boolean;
};

const PHASE = { upcoming: "Upcoming", live: "Happening now", ended: "Ended" } as const;
const HEADLINE: Record<string, (nova: number) => string> = {
  EARNED: (nova) => `✦ ${nova.toLocaleString("en-US")} Nova earned`,
  HELD: () => "Result on hold",
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One energy event on the driver's home: what it asks, their opt-in, and after it, the result with its reason. */
export function EventCard({ event, signedIn }: { event: EventCardData; signedIn: boolean }) {
  const Icon = event.kind === "CHARGE" ? MoonIcon : PauseIcon;
  const inIt = event.entry !== null && event.entry.status !== "OPTED_OUT";
  return (
    <Card as="li" id={`event-${event.id}`} aria-labelledby={`event-${event.id}-name`} data-testid="energy-event">
      <div className="flex items-start gap-3">
        <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-600" />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={`event-${event.id}-name`} className="font-semibold break-words text-slate-900">
              {event.name}
            </h3>
            <Badge tone={event.phase === "live" ? "brand" : "neutral"}>{PHASE[event.phase]}</Badge>
          </div>
          <p className="mt-0.5 text-sm font-medium text-slate-700">{event.when}</p>
          <p className="mt-1 text-sm text-slate-600">{event.pitch}</p>
          {event.description ? <p className="mt-1 text-sm break-words text-slate-500">{event.description}</p> : null}
        </div>
      </div>
      <div className="mt-3" data-testid="energy-event-state">
        <EventState event={event} inIt={inIt} signedIn={signedIn} />
      </div>
    </Card>
  );
}

function EventState({ event, inIt, signedIn }: { event: EventCardData; inIt: boolean; signedIn: boolean }) {
  if (!signedIn)
    return (
      <p className="text-sm text-slate-600">
        <Link href="/signin?callbackUrl=/app" className="font-medium text-brand-700 underline underline-offset-4">
          Sign in to opt in
        </Link>
      </p>
    );
  if (event.phase === "upcoming")
    return (
      <>
        <p className="text-sm text-slate-700">
          {inIt
            ? `You're in. After the window we read your car's data and show your result here.`
            : `Opt in before ${event.opensAt}. Only your car's own data counts, never your phone's.`}
        </p>
        {!event.hasCar ? (
          <Notice tone="warning" className="mt-2">
            No car connected: without its data your result cannot be verified.{" "}
            <Link href="/app/car" className="font-medium underline underline-offset-4">
              Connect your car
            </Link>
          </Notice>
        ) : null}
        <ParticipationButton eventId={event.id} optedIn={inIt} name={event.name} />
      </>
    );
  if (!inIt) return <p className="text-sm text-slate-600">Opting in closed at {event.opensAt}.</p>;
  const entry = event.entry!;
  if (entry.status === "OPTED_IN")
    return (
      <p className="text-sm text-slate-700">
        {event.phase === "live"
          ? "You're in: your car's data decides the result."
          : "Checking your car's data: the result appears here shortly."}
      </p>
    );
  const tone = entry.status === "EARNED" ? "success" : entry.status === "HELD" ? "info" : "warning";
  return (
    <Notice tone={tone} role="note">
      <p className="font-medium">{HEADLINE[entry.status]?.(entry.nova) ?? "No bonus this time"}</p>
      <p className="mt-0.5">{capital(entry.reason ?? "")}.</p>
    </Notice>
  );
}

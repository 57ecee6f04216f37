import { SectionHeader } from "@/components/ui/page-header";
import { EventCard, type EventCardData } from "./event-card";

/** The home's energy events section; absent when there is no event to show. */
export function EventList({ events, signedIn }: { events: EventCardData[]; signedIn: boolean }) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="events-heading" className="mb-10">
      <SectionHeader
        id="events-heading"
        title="Energy events"
        description="Charge (or pause) when the grid needs it and earn a bonus. Your car's data shows what you did."
      />
      <ul className="space-y-3">
        {events.map((event) => (
          <EventCard key={event.id} event={event} signedIn={signedIn} />
        ))}
      </ul>
    </section>
  );
}

import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { config } from "@/lib/config";
import { bonusWords, listEnergyEvents, tomorrowDate, windowWords } from "@/lib/energy-events";
import { AdminEventTable } from "@/components/energy-events/admin-event-table";
import { EventForm } from "@/components/energy-events/event-form";
import { Card } from "@/components/ui/card";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Energy events" };

export default async function AdminEventsPage() {
  const session = await requirePagePermission("admin:campaigns", "/admin/events");
  const zone = config().BUSINESS_TIME_ZONE;
  const events = await listEnergyEvents(actorOf(session));
  const rows = events.map((e) => ({ ...e, when: windowWords(e, zone), bonus: bonusWords(e).replace(/^.*Earn /, "") }));
  return (
    <>
      <PageHeader
        title="Energy events"
        description="Time-boxed events drivers opt in to: charge in a window, or pause charging in one. Results come from the cars' own telemetry after the window."
      />
      <section aria-labelledby="new-event" className="mb-10">
        <SectionHeader id="new-event" title="New event" />
        <Card className="max-w-2xl">
          <EventForm zone={zone} defaultDate={tomorrowDate(zone)} />
        </Card>
      </section>
      <section aria-labelledby="all-events">
        <SectionHeader id="all-events" title="All events" />
        <AdminEventTable events={rows} />
      </section>
    </>
  );
}

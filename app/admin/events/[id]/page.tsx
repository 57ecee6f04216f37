import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { config } from "@/lib/config";
import { bonusWords, getEnergyEvent, windowWords } from "@/lib/energy-events";
import { AppError } from "@/lib/errors";
import { ParticipantTable } from "@/components/energy-events/participant-table";
import { SettleButton } from "@/components/energy-events/settle-button";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/ui/format";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Energy event" };

const OPEN = new Set(["OPTED_IN", "HELD"]);

export default async function AdminEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requirePagePermission("admin:campaigns", `/admin/events/${id}`);
  const event = await getEnergyEvent(actorOf(session), id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const zone = config().BUSINESS_TIME_ZONE;
  const rows = event.participations.filter((p) => p.status !== "OPTED_OUT");
  const open = rows.filter((p) => OPEN.has(p.status)).length;
  return (
    <>
      <BackLink href="/admin/events">Energy events</BackLink>
      <PageHeader title={event.name} description={`${windowWords(event, zone)} (${zone}) · ${bonusWords(event)}`} />
      <StatGrid label="This event" className="mb-6">
        <StatCard label="Opted in" value={formatCount(rows.length)} />
        <StatCard label="Earned" value={formatCount(rows.filter((p) => p.status === "EARNED").length)} />
        <StatCard
          label="Nova paid"
          value={formatCount(event.spentNova)}
          hint={event.budgetNova !== null ? `of a ${formatCount(event.budgetNova)} budget` : "no budget set"}
        />
      </StatGrid>
      {event.phase === "ended" && event.status === "SCHEDULED" ? (
        <Card className="mb-6 max-w-2xl">
          <p className="mb-3 text-sm text-slate-600">
            {open > 0
              ? `${open} result${open === 1 ? "" : "s"} to settle. The job settles 15 minutes after the window closes; settle now to skip the wait.`
              : "Every participation is settled."}
          </p>
          <SettleButton eventId={event.id} open={open} />
        </Card>
      ) : (
        <p className="mb-6 text-sm text-slate-600">
          {event.phase === "upcoming"
            ? "Drivers can opt in until the window opens."
            : "The window is open: results come after it closes."}
        </p>
      )}
      <SectionHeader title="Participants and results" />
      <ParticipantTable rows={rows} />
    </>
  );
}

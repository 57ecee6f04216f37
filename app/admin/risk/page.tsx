import { ShieldCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listDecidedFlags, listOpenFlags, type FlagRow } from "@/lib/risk";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review queue" };

const link = "font-medium text-brand-800 underline underline-offset-4";

function FlagTable({ flags, caption }: { flags: FlagRow[]; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Driver</Th>
          <Th>Rule</Th>
          <Th>What it saw</Th>
          <Th>Status</Th>
          <Th>Raised</Th>
        </tr>
      </thead>
      <TBody>
        {flags.map((f) => (
          <tr key={f.id} className="align-top">
            <Td className="whitespace-normal">
              <Link href={`/admin/risk/${f.id}`} className={link}>
                {f.driverEmail ?? f.driverId}
              </Link>
            </Td>
            <Td>{f.ruleLabel}</Td>
            <Td className="min-w-64 whitespace-normal text-slate-700">{f.summary}</Td>
            <Td>
              <Badge tone={f.status === "OPEN" ? "warning" : f.status === "APPROVED" ? "brand" : "danger"}>
                {f.status.toLowerCase()}
              </Badge>
            </Td>
            <Td>
              <time dateTime={f.createdAt.toISOString()}>{formatDateTime(f.createdAt)}</time>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

export default async function RiskQueuePage() {
  const session = await requirePagePermission("admin:risk", "/admin/risk");
  const actor = actorOf(session);
  const [open, decided] = await Promise.all([listOpenFlags(actor), listDecidedFlags(actor)]);
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Drivers the abuse rules flagged. While a flag is open their cash-outs are refused and new rewards stay pending."
        actions={
          <Link href="/admin/risk/rules" className={link}>
            Rules and thresholds
          </Link>
        }
      />
      <section aria-labelledby="open-flags" className="mb-8">
        <SectionHeader id="open-flags" title={`Open flags (${open.length})`} />
        {open.length ? (
          <FlagTable flags={open} caption="Open flags" />
        ) : (
          <EmptyState
            icon={<ShieldCheckIcon className="size-6" />}
            title="Nothing to review"
            description="New flags appear here as the rules find them."
          />
        )}
      </section>
      {decided.length ? (
        <section aria-labelledby="decided-flags">
          <SectionHeader id="decided-flags" title="Recently decided" />
          <FlagTable flags={decided} caption="Recently decided flags" />
        </section>
      ) : null}
    </>
  );
}

import { CarIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { driverSearchInput, searchDrivers } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { param, type SearchParams } from "@/components/auth/search-params";
import { UserStatusBadge } from "@/components/admin/user-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { TextField } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Drivers" };

const link = "font-medium text-brand-800 underline underline-offset-4";

export default async function AdminDriversPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePagePermission("admin:view", "/admin/drivers");
  const sp = await searchParams;
  const input = driverSearchInput.parse({ q: (param(sp.q) ?? "").slice(0, 100), page: param(sp.page) });
  const { drivers, total, pages } = await searchDrivers(actorOf(session), input);
  const pageHref = (page: number) => `/admin/drivers?${new URLSearchParams({ q: input.q, page: String(page) })}`;

  return (
    <>
      <PageHeader title="Drivers" description="Find a driver by id, email or phone; open their page to act." />
      <form
        role="search"
        method="get"
        action="/admin/drivers"
        className="mb-6 flex flex-col gap-2 sm:flex-row sm:items-end"
      >
        <TextField
          name="q"
          label="Search drivers"
          type="search"
          defaultValue={input.q}
          placeholder="Exact id, or part of an email or phone"
          autoComplete="off"
          spellCheck={false}
          fieldClassName="min-w-0 flex-1"
          className="h-10"
        />
        <Button type="submit">Search</Button>
      </form>
      {drivers.length === 0 ? (
        <EmptyState
          icon={<CarIcon className="size-6" />}
          title={input.q ? "No drivers match" : "No drivers yet"}
          description={
            input.q
              ? `No driver's id is “${input.q}”, and no email or phone contains it.`
              : "Drivers appear here when they sign up."
          }
        />
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600" role="status">
            {total} {total === 1 ? "driver" : "drivers"}
            {input.q ? ` matching “${input.q}”` : ""}; page {input.page} of {pages}.
          </p>
          <Table caption="Drivers">
            <thead>
              <tr>
                <Th>Driver</Th>
                <Th>Status</Th>
                <Th>Joined</Th>
              </tr>
            </thead>
            <TBody>
              {drivers.map((d) => (
                <tr key={d.id}>
                  <Td className="min-w-52 whitespace-normal">
                    <Link href={`/admin/drivers/${d.id}`} className={link}>
                      {d.name ?? d.email ?? d.phone ?? d.id}
                    </Link>
                    {d.email ? <span className="block break-all text-slate-600">{d.email}</span> : null}
                    {d.phone ? <span className="block text-slate-600 tabular-nums">{d.phone}</span> : null}
                  </Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      <UserStatusBadge status={d.status} />
                      {d.held ? <Badge tone="warning">Held for review</Badge> : null}
                    </span>
                  </Td>
                  <Td>
                    <time dateTime={d.createdAt.toISOString()}>{formatDate(d.createdAt)}</time>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
            {input.page > 1 ? (
              <Link href={pageHref(input.page - 1)} className={link}>
                Previous page
              </Link>
            ) : null}
            {input.page < pages ? (
              <Link href={pageHref(input.page + 1)} className={link}>
                Next page
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}

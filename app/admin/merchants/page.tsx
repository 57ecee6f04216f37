import { StoreIcon } from "lucide-react";
import type { Metadata } from "next";
import { getAdminOverview } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { can } from "@/lib/access";
import { listMerchants, listMerchantsInput, listPendingMerchants } from "@/lib/merchants";
import { param, type SearchParams } from "@/components/auth/search-params";
import { MerchantCounts } from "@/components/admin/merchant-counts";
import { MerchantFilterForm } from "@/components/admin/merchant-filter-form";
import { MerchantsTable } from "@/components/admin/merchants-table";
import { PendingMerchants } from "@/components/admin/pending-merchants";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, queryString } from "@/components/ui/pager";
import { StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Merchants" };

export default async function AdminMerchantsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePagePermission("admin:view", "/admin/merchants");
  const actor = actorOf(session);
  const query = await searchParams;
  const filter = listMerchantsInput.parse({ q: param(query.q), status: param(query.status), page: param(query.page) });
  const filtered = Boolean(filter.q || filter.status);
  const [{ merchants }, list, pending] = await Promise.all([
    getAdminOverview(actor),
    listMerchants(actor, filter),
    can(actor.role, "admin:manage-merchants") && !filtered ? listPendingMerchants(actor) : [],
  ]);
  const values = { q: filter.q, status: filter.status };
  return (
    <>
      <PageHeader
        title="Merchants"
        description="Businesses in the program. Open one to approve, suspend or reinstate it; every change needs a reason and is audited."
      />
      <StatGrid label="Merchants by status" className="mb-8">
        <MerchantCounts merchants={merchants} />
      </StatGrid>
      {pending.length > 0 ? <PendingMerchants merchants={pending} /> : null}
      <MerchantFilterForm q={filter.q} status={filter.status} />
      {list.rows.length > 0 ? (
        <>
          <p className="mb-3 text-sm text-slate-600" role="status">
            {formatCount(list.total)} {list.total === 1 ? "merchant" : "merchants"}
            {filtered ? " match" : ""}, newest first.
          </p>
          <MerchantsTable merchants={list.rows} caption="Merchants" />
          <Pager
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            label="Merchant pages"
            href={(n) => `/admin/merchants${queryString({ ...values, page: n })}`}
          />
        </>
      ) : (
        <EmptyState
          icon={<StoreIcon className="size-6" />}
          title={filtered ? "No merchants match" : "No merchants yet"}
          description={
            filtered
              ? "Try part of the name, or an owner's email address."
              : "Businesses appear here as they sign up, with their review status."
          }
        />
      )}
    </>
  );
}

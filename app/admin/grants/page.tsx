import type { Metadata } from "next";
import Link from "next/link";
import { actorOf, requirePagePermission, searchUsers } from "@/lib/auth";
import { config } from "@/lib/config";
import { isEnabled } from "@/lib/flags";
import { GrantForm, type GrantCandidate } from "@/components/admin/grant-form";
import { param, type SearchParams } from "@/components/auth/search-params";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/form-controls";
import { formatNova } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Grant Nova" };

const RESULTS = 10;

export default async function AdminGrantsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePagePermission("admin:grant", "/admin/grants");
  const q = (param((await searchParams).q) ?? "").trim().slice(0, 100);
  const env = config();
  const [found, grantsOn] = await Promise.all([
    q ? searchUsers(actorOf(session), q, RESULTS) : Promise.resolve([]),
    isEnabled("NOVA_GRANTS_ENABLED"),
  ]);
  const candidates: GrantCandidate[] = found.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    phone: u.phone,
    role: u.role,
    status: u.status,
  }));

  return (
    <>
      <PageHeader
        title="Grant Nova"
        description={`Give a driver Nova with a reason they will see in their wallet. Up to ${formatNova(env.NOVA_GRANT_MAX)} per grant and ${formatNova(env.NOVA_GRANT_DAILY_CAP)} per driver per day.`}
      />

      {grantsOn ? null : (
        <Notice tone="warning" className="mb-6 max-w-2xl">
          Grants are switched off, so this form will be refused.{" "}
          <Link href="/admin/flags" className="font-medium underline underline-offset-4">
            Feature flags
          </Link>
        </Notice>
      )}

      <Card className="max-w-2xl">
        <form
          role="search"
          method="get"
          action="/admin/grants"
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
        >
          <TextField
            name="q"
            label="Find the driver"
            type="search"
            defaultValue={q}
            placeholder="Name, email or phone"
            autoComplete="off"
            spellCheck={false}
            fieldClassName="min-w-0 flex-1"
          />
          <Button type="submit" variant="secondary" className="h-11">
            Search
          </Button>
        </form>

        <div className="mt-6 border-t border-slate-100 pt-6">
          <GrantForm
            key={q}
            query={q}
            candidates={candidates}
            more={found.length === RESULTS}
            maxAmount={env.NOVA_GRANT_MAX}
            idempotencyKey={crypto.randomUUID()}
          />
        </div>
      </Card>
    </>
  );
}

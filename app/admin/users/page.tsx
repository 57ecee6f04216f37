import { UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { actorOf, requirePagePermission, searchUsers } from "@/lib/auth";
import { param, type SearchParams } from "@/components/auth/search-params";
import { UsersTable } from "@/components/admin/users-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 25;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePagePermission("admin:manage-users", "/admin/users");
  const q = (param((await searchParams).q) ?? "").slice(0, 100);
  const users = await searchUsers(actorOf(session), q, PAGE_SIZE);
  const full = users.length === PAGE_SIZE;
  const summary = q
    ? full
      ? `The first ${PAGE_SIZE} matches for “${q}”. Narrow the search to find others.`
      : `${users.length} ${users.length === 1 ? "match" : "matches"} for “${q}”.`
    : full
      ? `The ${PAGE_SIZE} newest accounts. Search to find others.`
      : `All ${users.length} accounts, newest first.`;

  return (
    <>
      <PageHeader title="Users" description="Find people, change their role, suspend or reinstate their access." />

      <form
        role="search"
        method="get"
        action="/admin/users"
        className="mb-6 flex flex-col gap-2 sm:flex-row sm:items-end"
      >
        <TextField
          name="q"
          label="Search users"
          type="search"
          defaultValue={q}
          placeholder="Name, email or phone"
          autoComplete="off"
          spellCheck={false}
          fieldClassName="min-w-0 flex-1"
          className="h-10"
        />
        <div className="flex gap-2">
          <Button type="submit">Search</Button>
          {q ? (
            <Link
              href="/admin/users"
              className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100"
            >
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {users.length > 0 ? (
        <>
          <p className="mb-3 text-sm text-slate-600" role="status">
            {summary}
          </p>
          <UsersTable
            users={users}
            currentUserId={session.user.id}
            caption={q ? `Users matching ${q}` : "Newest users"}
          />
        </>
      ) : (
        <EmptyState
          icon={<UsersIcon className="size-6" />}
          title={q ? "No users match" : "No users yet"}
          description={
            q ? (
              <>
                Nobody’s name, email or phone contains “{q}”. Check the spelling, or{" "}
                <Link href="/admin/users" className="font-medium text-brand-700 underline-offset-4 hover:underline">
                  see everyone
                </Link>
                .
              </>
            ) : (
              "People appear here when they sign up or first sign in."
            )
          }
        />
      )}
    </>
  );
}

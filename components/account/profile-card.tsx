import type { CurrentSession } from "@/lib/auth";
import { Card } from "@/components/ui/card";
import { RoleBadge } from "./role-badge";

const missing = <span className="text-slate-500">Not set</span>;

/** Who is signed in: name, how we reach them, and their role. */
export function ProfileCard({ user }: { user: CurrentSession["user"] }) {
  return (
    <Card>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-slate-500">Name</dt>
          <dd className="mt-1 font-medium break-words text-slate-900">{user.name ?? missing}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-500">Role</dt>
          <dd className="mt-1">
            <RoleBadge role={user.role} />
          </dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-500">Email</dt>
          <dd className="mt-1 break-all text-slate-900">{user.email ?? missing}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-500">Mobile number</dt>
          <dd className="mt-1 text-slate-900 tabular-nums">{user.phone ?? missing}</dd>
        </div>
      </dl>
    </Card>
  );
}

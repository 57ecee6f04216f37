import { RoleBadge } from "@/components/account/role-badge";
import { formatCount, formatDate } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { ChangeRoleForm } from "./change-role-form";
import { UserAccessControl } from "./user-access-control";
import { UserStatusBadge } from "./user-status-badge";

export type UserRow = {
  id: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  role: string;
  status: string;
  createdAt: Date;
  _count: { sessions: number };
};

/** People with their role, status and sessions; each row can change role and suspend or reinstate. */
export function UsersTable({
  users,
  currentUserId,
  caption,
}: {
  users: UserRow[];
  currentUserId: string;
  caption: string;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th className="text-right">Sessions</Th>
          <Th>Joined</Th>
          <Th className="relative">
            <span className="sr-only">Access</span>
          </Th>
        </tr>
      </thead>
      <TBody>
        {users.map((u) => {
          const who = u.name ?? u.email ?? u.phone ?? "this user";
          const isYou = u.id === currentUserId;
          return (
            <tr key={u.id} className="align-top">
              <Td className="min-w-52 whitespace-normal">
                <span className="block font-medium text-slate-900">
                  {u.name ?? <span className="font-normal text-slate-500">No name</span>}
                  {isYou ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
                </span>
                {u.email ? <span className="block break-all text-slate-600">{u.email}</span> : null}
                {u.phone ? <span className="block text-slate-600 tabular-nums">{u.phone}</span> : null}
              </Td>
              <Td>
                {/* The server refuses changing your own role; the row says so instead of offering it. */}
                {isYou ? <RoleBadge role={u.role} /> : <ChangeRoleForm userId={u.id} role={u.role} who={who} />}
              </Td>
              <Td>
                <UserStatusBadge status={u.status} />
              </Td>
              <Td className="text-right tabular-nums">{formatCount(u._count.sessions)}</Td>
              <Td>
                <time dateTime={u.createdAt.toISOString()}>{formatDate(u.createdAt)}</time>
              </Td>
              <Td>
                {isYou ? (
                  <span className="text-xs text-slate-500">Your account</span>
                ) : (
                  <UserAccessControl userId={u.id} who={who} status={u.status} />
                )}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

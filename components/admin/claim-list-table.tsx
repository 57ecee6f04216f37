import Link from "next/link";
import type { listOpenClaims } from "@/lib/charging";
import { SessionStatusBadge } from "@/components/charging/session-status-badge";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";

export type OpenClaim = Awaited<ReturnType<typeof listOpenClaims>>[number];

export const claimDriverName = (d: { name: string | null; email: string | null; phone: string | null }) =>
  d.name ?? d.email ?? d.phone ?? "Unnamed driver";

/** Open claims, oldest first, each linking to its evidence. */
export function ClaimListTable({ claims }: { claims: OpenClaim[] }) {
  return (
    <Table caption="Open claims">
      <thead>
        <tr>
          <Th>Driver</Th>
          <Th>Charger</Th>
          <Th>Session</Th>
          <Th>Driver’s note</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Review</span>
          </Th>
        </tr>
      </thead>
      <TBody>
        {claims.map((c) => (
          <tr key={c.id} className="align-top">
            <Td className="min-w-44 whitespace-normal">
              <Link
                href={`/admin/claims/${c.id}`}
                className="block font-medium text-slate-900 hover:text-brand-800 hover:underline"
              >
                {claimDriverName(c.driver)}
              </Link>
              {c.driver.email && c.driver.name ? (
                <span className="block break-all text-slate-600">{c.driver.email}</span>
              ) : null}
            </Td>
            <Td className="min-w-40 whitespace-normal">{c.session.charger.name}</Td>
            <Td>
              <time dateTime={c.session.startedAt.toISOString()}>{formatDateTime(c.session.startedAt)}</time>
              <span className="block text-xs text-slate-500">
                Claimed <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
              </span>
            </Td>
            <Td className="max-w-80 min-w-56 whitespace-normal">
              <span className="line-clamp-3">{c.note}</span>
            </Td>
            <Td>
              <SessionStatusBadge status={c.session.status} />
            </Td>
            <Td>
              <Link href={`/admin/claims/${c.id}`} className="font-medium text-brand-800 underline underline-offset-4">
                Review<span className="sr-only"> the claim from {claimDriverName(c.driver)}</span>
              </Link>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

import type { AuditRow } from "@/lib/audit";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";

const details = (metadata: unknown) => {
  if (metadata === null || metadata === undefined) return "";
  const text = JSON.stringify(metadata);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** Audit entries with who, what, on what, and the details kept with them. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table caption="Audit entries">
      <thead>
        <tr>
          <Th>When (UTC)</Th>
          <Th>Action</Th>
          <Th>Actor</Th>
          <Th>Target</Th>
          <Th>Details</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td>
              <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
            </Td>
            <Td className="font-mono text-xs">{r.action}</Td>
            <Td className="break-all whitespace-normal">{r.actorEmail ?? r.actorId ?? "System"}</Td>
            <Td className="font-mono text-xs break-all whitespace-normal">
              {r.targetType ? `${r.targetType}${r.targetId ? ` ${r.targetId}` : ""}` : "—"}
            </Td>
            <Td className="min-w-64 font-mono text-xs break-all whitespace-normal text-slate-600">
              {details(r.metadata)}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

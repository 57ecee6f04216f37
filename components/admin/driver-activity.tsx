import { randomUUID } from "node:crypto";
import Link from "next/link";
import type { DriverProfile } from "@/lib/admin";
import { adminReversalRefusal, transactionTypeLabel } from "@/lib/ledger";
import { formatDateTime, formatUsd } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { ReverseForm } from "./reverse-form";

const link = "font-medium text-brand-800 underline underline-offset-4";
const when = (d: Date) => <time dateTime={d.toISOString()}>{formatDateTime(d)}</time>;
const none = (what: string) => <p className="text-sm text-slate-500">No {what} yet.</p>;

/** Ledger lines, newest first; each transaction an admin may reverse offers it once, with a reason. */
export function DriverStatement({ lines }: { lines: DriverProfile["statement"] }) {
  if (!lines.length) return none("ledger lines");
  const offered = new Set<string>();
  return (
    <Table caption="Statement">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>What</Th>
          <Th className="text-right">Amount</Th>
          <Th>State</Th>
          <Th>Reverse</Th>
        </tr>
      </thead>
      <TBody>
        {lines.map((l) => {
          const canOffer =
            !offered.has(l.transactionId) &&
            l.state !== "reversed" &&
            adminReversalRefusal(l.type, { stillPending: l.state === "pending" }) === null;
          offered.add(l.transactionId);
          return (
            <tr key={l.entryId} className="align-top">
              <Td>{when(l.createdAt)}</Td>
              <Td className="min-w-56 whitespace-normal">
                <Link href={`/admin/ledger/${l.transactionId}`} className={link}>
                  {transactionTypeLabel(l.type)}
                </Link>
                <span className="block text-slate-600">{l.reason}</span>
              </Td>
              <Td className="text-right tabular-nums">
                {l.currency === "USD" ? formatUsd(Number(l.amount)) : `${l.amount} Nova`}
              </Td>
              <Td>{l.state}</Td>
              <Td className="min-w-48 whitespace-normal">
                {canOffer ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-brand-800">Reverse…</summary>
                    <div className="mt-2">
                      <ReverseForm
                        transactionId={l.transactionId}
                        summary={`${transactionTypeLabel(l.type)}: ${l.reason}`}
                        idempotencyKey={randomUUID()}
                      />
                    </div>
                  </details>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

export function DriverSessions({ sessions }: { sessions: DriverProfile["sessions"] }) {
  if (!sessions.length) return none("charging sessions");
  return (
    <Table caption="Charging sessions">
      <thead>
        <tr>
          <Th>Started</Th>
          <Th>Charger</Th>
          <Th>Status</Th>
          <Th className="text-right">kWh</Th>
          <Th className="text-right">Pings</Th>
        </tr>
      </thead>
      <TBody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <Td>{when(s.startedAt)}</Td>
            <Td className="whitespace-normal">{s.charger.name}</Td>
            <Td>{s.status.toLowerCase().replace("_", " ")}</Td>
            <Td className="text-right tabular-nums">{s.kwhDelivered?.toFixed(1) ?? "–"}</Td>
            <Td className="text-right tabular-nums">{s._count.pings}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Sign-ins (audit rows: time, address, method) and the live sessions with their browser. */
export function DriverSignIns({ signIns, devices }: Pick<DriverProfile, "signIns" | "devices">) {
  if (!signIns.length && !devices.length) return none("sign-ins");
  return (
    <Table caption="Sign-in history">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Address</Th>
          <Th>How</Th>
        </tr>
      </thead>
      <TBody>
        {signIns.map((s) => (
          <tr key={String(s.id)}>
            <Td>{when(s.createdAt)}</Td>
            <Td className="tabular-nums">{s.ip ?? "unknown"}</Td>
            <Td>
              {s.action === "auth.sign_in_refused" ? "refused: " : ""}
              {String((s.metadata as { method?: string } | null)?.method ?? "")}
            </Td>
          </tr>
        ))}
        {devices.map((d) => (
          <tr key={d.id}>
            <Td>{when(d.lastSeenAt)}</Td>
            <Td className="tabular-nums">{d.ip ?? "unknown"}</Td>
            <Td className="max-w-80 truncate" title={d.userAgent ?? ""}>
              live session · {d.userAgent ?? "unknown browser"}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

export function DriverCashOuts({ payouts }: { payouts: DriverProfile["payouts"] }) {
  if (!payouts.length) return none("cash-outs");
  return (
    <ul className="space-y-1 text-sm">
      {payouts.map((p) => (
        <li key={p.id}>
          <Link href={`/admin/payouts/${p.id}`} className={link}>
            {formatUsd(p.amountCents)} {p.method.toLowerCase()}
          </Link>{" "}
          · {p.state.toLowerCase().replace("_", " ")} · {when(p.createdAt)}
        </li>
      ))}
    </ul>
  );
}

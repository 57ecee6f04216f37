import type { MerchantDetail } from "@/lib/merchants";
import { formatDateTime, formatNova, formatUsd } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";

const time = (d: Date) => <time dateTime={d.toISOString()}>{formatDateTime(d)}</time>;
const word = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, " ");

/** The merchant's offers, newest first. */
export function MerchantOffersTable({ offers }: { offers: MerchantDetail["offers"] }) {
  if (offers.length === 0) return <p className="text-sm text-slate-600">No offers yet.</p>;
  return (
    <Table caption="Offers">
      <thead>
        <tr>
          <Th>Offer</Th>
          <Th>Price</Th>
          <Th>State</Th>
          <Th>Ends</Th>
        </tr>
      </thead>
      <TBody>
        {offers.map((o) => (
          <tr key={o.id}>
            <Td className="whitespace-normal">{o.title}</Td>
            <Td>{formatNova(o.novaPrice)}</Td>
            <Td>{o.active ? "On" : "Off"}</Td>
            <Td>{o.endsAt ? time(o.endsAt) : "No end"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The latest redemption codes at this merchant. */
export function MerchantRedemptionsTable({ rows }: { rows: MerchantDetail["redemptions"] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No redemptions yet.</p>;
  return (
    <Table caption="Recent redemptions">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Offer</Th>
          <Th>Driver</Th>
          <Th>Nova</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td>{time(r.createdAt)}</Td>
            <Td className="whitespace-normal">{r.offer.title}</Td>
            <Td className="break-all whitespace-normal">{r.driver.email ?? "—"}</Td>
            <Td>{formatNova(r.novaAmount)}</Td>
            <Td>{word(r.status)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The latest Square purchases and what each earned. */
export function MerchantPurchaseRewardsTable({ rows }: { rows: MerchantDetail["purchaseRewards"] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No Square purchases seen yet.</p>;
  return (
    <Table caption="Recent purchase rewards">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Order total</Th>
          <Th>Reward</Th>
          <Th>Fee</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td>{time(r.createdAt)}</Td>
            <Td>{formatUsd(r.order.totalCents)}</Td>
            <Td>{formatUsd(r.rewardCents)}</Td>
            <Td>{formatUsd(r.feeCents)}</Td>
            <Td>{word(r.status)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Who works at the merchant. */
export function MerchantTeamList({ members }: { members: MerchantDetail["members"] }) {
  if (members.length === 0) return <p className="text-sm text-slate-600">No team members.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
      {members.map((m) => (
        <li key={m.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
          <span className="break-all text-slate-900">{m.user.name ?? m.user.email ?? m.user.id}</span>
          <span className="text-slate-600">
            {word(m.role)}
            {m.user.status !== "ACTIVE" ? " · account suspended" : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

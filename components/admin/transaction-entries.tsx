import Link from "next/link";
import type { LedgerTransactionDetail } from "@/lib/admin";
import { SignedAmount } from "@/components/ledger/signed-amount";
import { accountKindLabel } from "@/components/ledger/account-kind";
import { Table, TBody, Td, Th } from "@/components/ui/table";

const ownerTypes: Record<string, string> = { DRIVER: "Driver", MERCHANT: "Merchant", PLATFORM: "Platform" };

/** A transaction's lines: whose account and which kind, then the signed amount. */
export function TransactionEntries({ entries }: { entries: LedgerTransactionDetail["entries"] }) {
  return (
    <Table caption="Transaction entries">
      <thead>
        <tr>
          <Th>Account</Th>
          <Th className="text-right">Amount</Th>
        </tr>
      </thead>
      <TBody>
        {entries.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-normal">
              <div className="w-56 whitespace-normal sm:w-auto sm:max-w-md">
                {e.ownerType === "PLATFORM" ? (
                  <span className="font-medium text-slate-900">{e.owner?.name ?? "Nerava platform"}</span>
                ) : (
                  <Link
                    href={`/admin/accounts/${e.ownerType}/${e.ownerId}`}
                    className="font-medium text-brand-800 underline-offset-4 hover:underline"
                  >
                    {e.owner?.name ?? e.ownerId}
                  </Link>
                )}
                <span className="mt-0.5 block text-xs text-slate-500">
                  {ownerTypes[e.ownerType] ?? e.ownerType} · {accountKindLabel(e.kind)} ·{" "}
                  {e.currency === "NOVA" ? "Nova" : "USD"}
                  {e.owner?.detail ? <span className="block break-words">{e.owner.detail}</span> : null}
                </span>
              </div>
            </Td>
            <Td className="text-right align-top">
              <SignedAmount amount={e.amount} currency={e.currency} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

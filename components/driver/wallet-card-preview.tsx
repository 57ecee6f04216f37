import { formatNova } from "@/components/ui/format";

type Props = { holderName: string; novaAvailable: number; novaHeld: number; cashText: string };

/** What the wallet card shows, drawn as the card looks in Apple Wallet / Google Wallet. */
export function WalletCardPreview({ holderName, novaAvailable, novaHeld, cashText }: Props) {
  return (
    <figure
      aria-label="Preview of your Nerava card"
      className="mx-auto w-full max-w-sm rounded-2xl bg-gradient-to-br from-brand-700 to-brand-900 p-5 text-white shadow-lg"
    >
      <div className="flex items-center justify-between">
        <span className="flex items-center gap-2 font-semibold">
          <span aria-hidden="true">✦</span> Nerava
        </span>
        <span className="text-xs tracking-wide text-brand-100 uppercase">Nova card</span>
      </div>
      <p className="mt-6 text-xs tracking-wide text-brand-100 uppercase">Nova available</p>
      <p className="text-3xl font-semibold tabular-nums">{formatNova(novaAvailable)}</p>
      <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-xs text-brand-100">Held</dt>
          <dd className="tabular-nums">{novaHeld}</dd>
        </div>
        <div>
          <dt className="text-xs text-brand-100">Cash</dt>
          <dd className="tabular-nums">{cashText}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-brand-100">Member</dt>
          <dd className="truncate">{holderName}</dd>
        </div>
      </dl>
    </figure>
  );
}

import { Button } from "@/components/ui/button";

/**
 * Where staff type the code a driver shows them. Confirming arrives with the Nova ledger, so
 * the submit button stays disabled and the form is not wired to any action yet.
 */
export function RedeemForm() {
  return (
    <form className="space-y-4" aria-describedby="redeem-help">
      <div>
        <label htmlFor="redemption-code" className="block text-sm font-medium text-slate-800">
          Redemption code
        </label>
        <input
          id="redemption-code"
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="Code from the driver's app"
          aria-describedby="redemption-code-hint"
          className="mt-1 block h-12 w-full rounded-lg border border-slate-300 bg-white px-3 font-mono text-lg uppercase tracking-widest text-slate-900 placeholder:font-sans placeholder:text-base placeholder:normal-case placeholder:tracking-normal placeholder:text-slate-400 focus:border-brand-600"
        />
        <p id="redemption-code-hint" className="mt-1 text-xs text-slate-500">
          The driver opens the offer in the Nerava app and shows you its code or QR.
        </p>
      </div>
      <Button type="submit" size="lg" disabled className="w-full sm:w-auto">
        Confirm code
      </Button>
      <p id="redeem-help" className="text-sm text-slate-600">
        Confirming codes arrives with the Nova ledger. Until then nothing is charged or credited.
      </p>
    </form>
  );
}

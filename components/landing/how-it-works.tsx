import { CircleCheckIcon, WalletIcon, ZapIcon } from "lucide-react";

const steps = [
  { icon: ZapIcon, title: "Charge", body: "Plug in at a charger near a Nerava partner, as you already do." },
  {
    icon: CircleCheckIcon,
    title: "Verify",
    body: "Your connected car confirms the session. No receipts, no check-ins.",
  },
  {
    icon: WalletIcon,
    title: "Spend or cash out",
    body: "Spend Nova at the shops beside the charger, or send cash rewards to your bank.",
  },
];

export function HowItWorks() {
  return (
    <section aria-labelledby="how-heading" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
      <h2 id="how-heading" className="text-2xl font-semibold tracking-tight text-slate-900">
        How it works
      </h2>
      <ol className="mt-8 grid gap-4 sm:grid-cols-3">
        {steps.map(({ icon: Icon, title, body }, i) => (
          <li key={title} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex items-center gap-3">
              <span className="grid size-10 place-items-center rounded-xl bg-brand-50 text-brand-700">
                <Icon className="size-5" />
              </span>
              <span className="text-sm font-medium text-slate-500">Step {i + 1}</span>
            </div>
            <h3 className="mt-4 font-semibold text-slate-900">{title}</h3>
            <p className="mt-1 text-sm text-slate-600">{body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

import { CarIcon, MapPinIcon, ZapIcon } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

type SandboxConsentProps = { allowHref: string; denyHref: string };

const SCOPES = [
  { icon: ZapIcon, label: "Battery level and range" },
  { icon: CarIcon, label: "Charging state (plugged in, charging)" },
  { icon: MapPinIcon, label: "Location" },
];

/** Looks like a car maker's consent screen, and says plainly that it is a simulation. */
export function SandboxConsent({ allowHref, denyHref }: SandboxConsentProps) {
  return (
    <div className="mx-auto max-w-md overflow-hidden rounded-2xl border border-slate-300 bg-white shadow-md">
      <div className="flex items-center gap-3 bg-slate-900 px-5 py-4 text-white">
        <span className="grid size-9 place-items-center rounded-full bg-white/10" aria-hidden="true">
          <CarIcon className="size-5" />
        </span>
        <div>
          <p className="text-sm font-semibold">Sandbox car maker</p>
          <p className="text-xs text-slate-300">Simulated: no real car or account is used</p>
        </div>
      </div>

      <div className="px-5 py-6">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">
          Nerava wants to read your car’s battery, charging state and location
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          Nerava uses this to confirm that your car charged at the charger you checked in at. It can’t unlock, start or
          move your car.
        </p>
        <ul aria-label="Nerava will be able to read" className="mt-5 space-y-2">
          {SCOPES.map(({ icon: Icon, label }) => (
            <li
              key={label}
              className="flex items-center gap-3 rounded-xl bg-slate-50 px-3 py-2.5 text-sm font-medium text-slate-800"
            >
              <Icon className="size-4 text-slate-500" />
              {label}
            </li>
          ))}
        </ul>
        <Notice tone="warning" role="note" className="mt-5 text-xs">
          Sandbox car maker (simulated): allowing connects a simulated 2023 Tesla Model 3 to your Nerava account.
        </Notice>
        <div className="mt-6 grid grid-cols-2 gap-3">
          <a href={denyHref} className={buttonVariants({ variant: "secondary", size: "lg" })}>
            Deny
          </a>
          <a href={allowHref} className={buttonVariants({ size: "lg" })}>
            Allow
          </a>
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">You can disconnect your car from Nerava at any time.</p>
      </div>
    </div>
  );
}

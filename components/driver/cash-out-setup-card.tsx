import { CircleAlertIcon, ClockIcon, LandmarkIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { CashOutSetup } from "@/lib/payouts";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { CashOutSetupButton } from "./cash-out-setup-button";
import { CheckAgainButton } from "./check-again-button";

const CHECK_HREF = "/app/cash-out/return";

type SetupCardProps = {
  setup: CashOutSetup;
  continueLabel?: string;
  /** On Stripe's return page "Check again" reads Stripe again in place; elsewhere it goes there. */
  onReturnPage?: boolean;
};

/**
 * Where the driver's cash-out setup stands with Stripe, and the one thing to do next: start or
 * continue Stripe's setup, give what Stripe still asks for, or check again while Stripe checks.
 * Not for the ready state (the page shows the bank and the form instead).
 */
export function CashOutSetupCard({ setup, continueLabel, onReturnPage = false }: SetupCardProps) {
  if (setup.state === "not_started" || setup.state === "incomplete") {
    return (
      <SetupFrame icon={<LandmarkIcon className="size-5" />} headline={setup.headline}>
        <p>
          Stripe, our payments partner, pays your cash rewards to your bank. Setting up takes about 5 minutes: Stripe
          asks who you are and for your bank account, on its own secure page.
        </p>
        <CashOutSetupButton
          label={continueLabel ?? (setup.state === "not_started" ? "Set up cash-out" : "Continue setup")}
        />
      </SetupFrame>
    );
  }

  if (setup.state === "checking") {
    return (
      <SetupFrame icon={<ClockIcon className="size-5" />} headline={setup.headline}>
        {setup.detail ? <p>{setup.detail}</p> : null}
        {onReturnPage ? (
          <CheckAgainButton />
        ) : (
          <ButtonLink href={CHECK_HREF} variant="secondary" className="w-full sm:w-auto">
            Check again
          </ButtonLink>
        )}
      </SetupFrame>
    );
  }

  // due, restricted, bank_problem: say what is wrong and what Stripe asks for
  return (
    <SetupFrame icon={<CircleAlertIcon className="size-5" />} headline={setup.headline} warn>
      {setup.detail ? <p>{setup.detail}</p> : null}
      {setup.due.length > 0 ? (
        <div>
          <p className="font-medium text-slate-900">Stripe needs:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {setup.due.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {setup.deadline ? (
        <p>
          Needed by{" "}
          <time className="font-medium text-slate-900" dateTime={setup.deadline.toISOString()}>
            {formatDate(setup.deadline)}
          </time>
          .
        </p>
      ) : null}
      <CashOutSetupButton label={continueLabel ?? "Update details with Stripe"} />
    </SetupFrame>
  );
}

type FrameProps = { icon: ReactNode; headline: string; warn?: boolean; children: ReactNode };

function SetupFrame({ icon, headline, warn = false, children }: FrameProps) {
  return (
    <Card as="section" aria-labelledby="setup-heading">
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className={`grid size-10 shrink-0 place-items-center rounded-full ${warn ? "bg-amber-50 text-amber-700" : "bg-brand-50 text-brand-700"}`}
        >
          {icon}
        </span>
        <div className="min-w-0 flex-1 space-y-3 text-sm text-slate-600">
          <h2 id="setup-heading" className="pt-2 text-base font-semibold text-slate-900">
            {headline}
          </h2>
          {children}
        </div>
      </div>
    </Card>
  );
}

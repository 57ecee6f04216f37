"use client";

import type { ReactNode } from "react";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { useActiveSession } from "@/components/driver/queries/use-active-session";
import { useInvalidateOnChange } from "@/components/driver/queries/use-invalidation";
import { PageHeader } from "@/components/ui/page-header";
import { ActiveSessionPanel } from "./active-session-panel";
import { SessionOutcome } from "./session-outcome";

type ChargeScreenProps = {
  /** The connected car that confirms the active session, if any. */
  carName: string | null;
  pingEverySeconds: number;
  /** The chargers to check in at, shown when no session is in progress. */
  children: ReactNode;
};

/**
 * The charge tab from the live session query: the session in progress, or the last one's result
 * above the chargers to check in at. It switches by itself when the session ends.
 */
export function ChargeScreen({ carName, pingEverySeconds, children }: ChargeScreenProps) {
  const { data } = useActiveSession();
  // a session that ends or gets verified moves its reward: the balances change
  useInvalidateOnChange(`${data?.active?.id ?? ""}:${data?.recent?.status ?? ""}`, driverQueryKeys.balances);

  if (data?.active) {
    return (
      <>
        <PageHeader
          title="Charging"
          description="Keep this page open: your phone and your car confirm the session together."
        />
        <ActiveSessionPanel
          session={data.active}
          carName={carName}
          pingEverySeconds={pingEverySeconds}
          serverNow={data.now}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Charge"
        description="Check in when you plug in. Your car and phone confirm the session and you earn Nova."
      />
      {data?.recent ? <SessionOutcome session={data.recent} serverNow={data.now} /> : null}
      {children}
    </>
  );
}

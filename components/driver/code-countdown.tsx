"use client";

import { ClockIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type CodeCountdownProps = {
  /** ISO times from the server. */
  issuedAt: string;
  expiresAt: string;
  /** The server's clock when it rendered, so a phone with a wrong clock still counts right. */
  serverNow: number;
};

const POLL_MS = 5_000;

const mmss = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * Time left on a held code. While it runs, the page re-checks every few seconds so "Redeemed ✓"
 * appears as soon as the cashier confirms; at zero it says the Nova is back and refreshes, which
 * releases the hold on the server and shows the final state.
 */
export function CodeCountdown({ issuedAt, expiresAt, serverNow }: CodeCountdownProps) {
  const router = useRouter();
  const expiry = Date.parse(expiresAt);
  const total = Math.max(1, expiry - Date.parse(issuedAt));
  const [now, setNow] = useState(serverNow);

  useEffect(() => {
    const skew = Date.now() - serverNow;
    const tick = () => setNow(Date.now() - skew);
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [serverNow]);

  const remaining = Math.max(0, expiry - now);
  const expired = remaining === 0;

  useEffect(() => {
    if (expired) {
      // a little after zero so the server agrees it has expired; re-armed by each new render
      const id = setTimeout(() => router.refresh(), 1_500);
      return () => clearTimeout(id);
    }
    const id = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, POLL_MS);
    return () => clearInterval(id);
  }, [expired, serverNow, router]);

  if (expired) {
    return (
      <p role="status" className="font-semibold text-slate-900">
        Expired — your Nova is back
      </p>
    );
  }

  return (
    <div>
      <p className="flex items-center justify-center gap-2 text-sm text-slate-700">
        <ClockIcon className="size-4 text-slate-400" />
        <span>
          Expires in{" "}
          <span role="timer" className="font-semibold text-slate-900 tabular-nums">
            {mmss(remaining)}
          </span>
        </span>
      </p>
      <div className="mx-auto mt-2 h-1.5 w-full max-w-64 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        <div
          className={`h-full rounded-full transition-[width] duration-1000 ease-linear ${remaining < 60_000 ? "bg-amber-500" : "bg-brand-500"}`}
          style={{ width: `${(remaining / total) * 100}%` }}
        />
      </div>
    </div>
  );
}

"use client";

import { ClockIcon } from "lucide-react";
import { useEffect, useState } from "react";

type CodeCountdownProps = {
  /** ISO times from the server. */
  issuedAt: string;
  expiresAt: string;
  /** The server's clock when it read the code, so a phone with a wrong clock still counts right. */
  serverNow: number;
};

const mmss = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * Time left on a held code, ticking every second. At zero it says the Nova is back; the code's
 * query, still polling while the code is live, then brings the server's final state.
 */
export function CodeCountdown({ issuedAt, expiresAt, serverNow }: CodeCountdownProps) {
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

  if (remaining === 0) {
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

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { QrSvg } from "@/components/ui/qr-svg";

export type SpendCodeToken = {
  code: string;
  qrValue: string;
  /** ISO times from the server. */
  issuedAt: string;
  expiresAt: string;
  /** The server's clock when it answered, so a phone with a wrong clock still counts right. */
  serverNow: number;
};

// A new code is fetched while the shown one still has this long to live, so a cashier who
// reads it at the last moment still has time to type it.
const ROTATE_BEFORE_MS = 15_000;

const mss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * The driver's single-use spend code, as a QR and as text to type. It is replaced about every
 * minute (and whenever the page comes back into view) by asking the server for a new one.
 */
export function SpendCode({ initial }: { initial: SpendCodeToken | null }) {
  const [token, setToken] = useState(initial);
  const [now, setNow] = useState(initial?.serverNow ?? 0);
  const [failed, setFailed] = useState(false);
  // the interval below reads these; they change only with the state they mirror
  const current = useRef(initial);
  const stopped = useRef(false);
  const skew = useRef(0);
  const fetching = useRef(false);

  const refresh = useCallback(async () => {
    if (fetching.current) return;
    fetching.current = true;
    try {
      const res = await fetch("/api/wallet/spend-token", { method: "POST", headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`spend code: ${res.status}`);
      const next = (await res.json()) as SpendCodeToken;
      skew.current = Date.now() - next.serverNow;
      current.current = next;
      stopped.current = false;
      setToken(next);
      setNow(next.serverNow);
      setFailed(false);
    } catch {
      stopped.current = true; // until "Try again": no hammering a server that refuses
      setFailed(true);
    } finally {
      fetching.current = false;
    }
  }, []);

  useEffect(() => {
    if (initial) skew.current = Date.now() - initial.serverNow;
    const tick = () => {
      const t = Date.now() - skew.current;
      setNow(t);
      const due = !current.current || Date.parse(current.current.expiresAt) - t <= ROTATE_BEFORE_MS;
      if (due && !stopped.current && document.visibilityState === "visible") void refresh();
    };
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 1000);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearTimeout(first);
      clearInterval(id);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [initial, refresh]);

  const expiresAt = token ? Date.parse(token.expiresAt) : 0;
  const remaining = Math.max(0, expiresAt - now);
  const live = token !== null && remaining > 0;
  const total = token ? Math.max(1, expiresAt - Date.parse(token.issuedAt)) : 1;

  return (
    <div className="mt-5">
      <div className="relative mx-auto w-64 max-w-full">
        {token ? (
          <QrSvg
            value={token.qrValue}
            label="Your spend code QR"
            className={`w-full border border-slate-200 ${live ? "" : "opacity-20"}`}
          />
        ) : (
          <div className="aspect-square w-full animate-pulse rounded-xl bg-slate-100" aria-hidden="true" />
        )}
      </div>
      <p className="mt-4 text-xs font-medium tracking-wide text-slate-500 uppercase">Spend code</p>
      <p
        data-testid="spend-code"
        aria-live="polite"
        className={`font-mono text-3xl font-semibold tracking-widest tabular-nums ${live ? "text-slate-900" : "text-slate-300"}`}
      >
        {token?.code ?? "····-····"}
      </p>
      {failed ? (
        <div role="alert" className="mt-3 space-y-2 text-sm text-rose-700">
          <p>Couldn’t get a new code. Check your connection.</p>
          <Button variant="secondary" size="sm" onClick={() => void refresh()}>
            Try again
          </Button>
        </div>
      ) : live ? (
        <div className="mt-2">
          <p className="text-sm text-slate-600">
            Works once, for one payment.{" "}
            <span className="whitespace-nowrap">
              New code in{" "}
              <span role="timer" className="font-semibold text-slate-900 tabular-nums">
                {mss(remaining - ROTATE_BEFORE_MS)}
              </span>
            </span>
          </p>
          <div
            className="mx-auto mt-2 h-1.5 w-full max-w-64 overflow-hidden rounded-full bg-slate-100"
            aria-hidden="true"
          >
            <div
              className="h-full rounded-full bg-brand-500 transition-[width] duration-1000 ease-linear"
              style={{ width: `${(remaining / total) * 100}%` }}
            />
          </div>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">Getting a new code…</p>
      )}
    </div>
  );
}

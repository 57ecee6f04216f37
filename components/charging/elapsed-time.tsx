"use client";

import { useEffect, useState } from "react";

type ElapsedTimeProps = {
  /** ISO start time from the server. */
  since: string;
  /** The server's clock when it rendered: the first paint matches the server's, and a phone with a wrong clock still counts right. */
  serverNow: number;
};

const pad = (n: number) => String(n).padStart(2, "0");

function clock(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

/** How long the session has run, ticking every second. */
export function ElapsedTime({ since, serverNow }: ElapsedTimeProps) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const skew = Date.now() - serverNow;
    const tick = () => setNow(Date.now() - skew);
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [serverNow]);
  return (
    <span role="timer" className="tabular-nums">
      {clock(now - Date.parse(since))}
    </span>
  );
}

"use client";

import { MapPinIcon, TriangleAlertIcon } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

type LocationSharingProps = {
  sessionId: string;
  /** Readings the server already has for this session. */
  sharedSoFar: number;
  /** About one reading this often. */
  everySeconds: number;
};

type Status = "asking" | "sharing" | "denied" | "unavailable";

/**
 * The phone's witness: asks for location, then sends a reading right away and about every
 * `everySeconds` while the page is open.
 */
// whether this browser can share its location at all (assumed yes while rendering on the server)
const noSubscription = () => () => undefined;
const canLocate = () => "geolocation" in navigator;

export function LocationSharing({ sessionId, sharedSoFar, everySeconds }: LocationSharingProps) {
  const queryClient = useQueryClient();
  const locatable = useSyncExternalStore(noSubscription, canLocate, () => true);
  const [asked, setStatus] = useState<Status>("asking");
  const status: Status = locatable ? asked : "unavailable";
  const [base] = useState(sharedSoFar);
  const [sent, setSent] = useState(0);
  const [sendFailed, setSendFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!locatable) return;
    const geo = navigator.geolocation;
    const intervalMs = everySeconds * 1000;
    let latest: GeolocationCoordinates | null = null;
    let lastSentAt = 0;
    let sending = false;
    let stopped = false;
    let sharedOnce = false;

    // The server stamps each reading as it arrives, so every reading is on one clock.
    async function share() {
      if (!latest || stopped || sending) return;
      sending = true;
      lastSentAt = Date.now();
      try {
        const res = await fetch(`/api/charging/sessions/${encodeURIComponent(sessionId)}/pings`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            latitude: latest.latitude,
            longitude: latest.longitude,
            accuracyMeters: latest.accuracy,
          }),
        });
        if (res.status === 201) {
          setSent((n) => n + 1);
          setSendFailed(false);
          // the first reading changes what the phone witness says: show it now, not at the next poll
          if (!sharedOnce) void queryClient.invalidateQueries({ queryKey: driverQueryKeys.charging });
          sharedOnce = true;
        } else if (res.status === 404) {
          // the session ended (another device, or the server closed it): show what the server says now
          stopped = true;
          void queryClient.invalidateQueries({ queryKey: driverQueryKeys.charging });
        } else {
          setSendFailed(true);
        }
      } catch {
        setSendFailed(true); // offline for a moment: the next tick tries again
      } finally {
        sending = false;
      }
    }

    const watchId = geo.watchPosition(
      (position) => {
        const first = latest === null;
        latest = position.coords;
        setStatus("sharing");
        if (first || Date.now() - lastSentAt >= intervalMs) void share();
      },
      (error) => {
        if (error.code === error.PERMISSION_DENIED) setStatus("denied");
        // no fix right now: stop repeating the old one until a new one comes
        else if (error.code === error.POSITION_UNAVAILABLE) latest = null;
      },
      { enableHighAccuracy: true, maximumAge: 0 },
    );
    // Browsers report a position only when it changes: a phone parked at the charger is
    // re-reported from its last fix on this timer, so the time spent there keeps counting.
    const timer = setInterval(() => {
      if (Date.now() - lastSentAt >= intervalMs - 500) void share();
    }, intervalMs);

    // allowed later in the browser's settings: start again without a reload
    let permission: PermissionStatus | undefined;
    const onPermissionChange = () => {
      if (permission?.state === "granted") setAttempt((n) => n + 1);
    };
    navigator.permissions
      ?.query({ name: "geolocation" })
      .then((p) => {
        if (stopped) return;
        permission = p;
        p.addEventListener("change", onPermissionChange);
      })
      .catch(() => undefined);

    return () => {
      stopped = true;
      geo.clearWatch(watchId);
      clearInterval(timer);
      permission?.removeEventListener("change", onPermissionChange);
    };
  }, [sessionId, everySeconds, queryClient, attempt, locatable]);

  const shared = Math.max(sharedSoFar, base + sent);

  if (status === "denied" || status === "unavailable") {
    return (
      <Notice tone="warning" role="alert" icon={<TriangleAlertIcon className="size-4" />} className="rounded-xl p-3">
        <p className="font-medium">
          We need your location to confirm you stayed at the charger — or your car alone may verify it.
        </p>
        <p className="mt-1 text-amber-900/80">
          {status === "denied"
            ? "Location is blocked for Nerava. Allow it in your browser’s site settings, then try again."
            : "This browser can’t share its location."}
        </p>
        {status === "denied" ? (
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            onClick={() => {
              setStatus("asking");
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </Button>
        ) : null}
      </Notice>
    );
  }

  return (
    <div className="flex items-start gap-3 rounded-xl bg-slate-50 p-3 text-sm">
      <span className="relative mt-0.5 flex size-4 shrink-0 items-center justify-center" aria-hidden="true">
        {status === "sharing" ? (
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-brand-400 opacity-60" />
        ) : null}
        <MapPinIcon className="relative size-4 text-brand-700" />
      </span>
      <div className="min-w-0">
        <p className="font-medium text-slate-900" data-testid="location-shared">
          {status === "asking" && shared === 0
            ? "Asking for your location…"
            : `Location shared ${shared} ${shared === 1 ? "time" : "times"}`}
        </p>
        <p className="text-slate-600">
          {sendFailed
            ? "Couldn’t send the last reading; trying again."
            : "Keep this page open while you charge: your phone confirms you stayed at the charger."}
        </p>
      </div>
    </div>
  );
}

"use client";

import { useCallback, useState } from "react";

export type Position = { latitude: number; longitude: number; accuracy: number };
export type PositionState =
  | { state: "idle" }
  | { state: "locating" }
  | { state: "found"; position: Position }
  | { state: "refused" | "unavailable"; message: string };

export const REFUSED_MESSAGE =
  "Location is blocked for Nerava, so the map can’t show where you are. Allow it in your browser’s site settings, or pan the map yourself.";
export const UNAVAILABLE_MESSAGE =
  "We couldn’t find your position just now. Try again outdoors, or pan the map yourself.";

/** The driver's position, asked for only when they press "Near me". */
export function usePosition() {
  const [status, setStatus] = useState<PositionState>({ state: "idle" });
  const locate = useCallback((onFound?: (p: Position) => void) => {
    if (typeof navigator === "undefined" || !navigator.geolocation) {
      setStatus({ state: "unavailable", message: "This browser can’t share a location. Pan the map yourself." });
      return;
    }
    setStatus({ state: "locating" });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const position = { latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy };
        setStatus({ state: "found", position });
        onFound?.(position);
      },
      (err) =>
        setStatus(
          err.code === err.PERMISSION_DENIED
            ? { state: "refused", message: REFUSED_MESSAGE }
            : { state: "unavailable", message: UNAVAILABLE_MESSAGE },
        ),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  }, []);
  return { status, locate };
}

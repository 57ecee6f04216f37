"use client";

import { ScanLineIcon } from "lucide-react";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

// The Barcode Detection API is not in TypeScript's DOM types (and not in every browser).
type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorClass = {
  new (options?: { formats?: string[] }): Detector;
  getSupportedFormats?: () => Promise<string[]>;
};

function detectorClass(): DetectorClass | null {
  const D = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  return D && typeof navigator.mediaDevices?.getUserMedia === "function" ? D : null;
}

type ScanButtonProps = { /** What is scanned, e.g. "code" or "pass". */ what: string; onScan: (value: string) => void };

/**
 * Scans a QR code with the camera and hands its text to `onScan`. Renders nothing where the
 * browser has no BarcodeDetector or camera: typing always works.
 */
export function ScanButton({ what, onScan }: ScanButtonProps) {
  const [supported, setSupported] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string>();
  const video = useRef<HTMLVideoElement>(null);
  const scanned = useEffectEvent(onScan);

  useEffect(() => {
    const D = detectorClass();
    if (!D) return;
    (D.getSupportedFormats?.() ?? Promise.resolve(["qr_code"]))
      .then((formats) => setSupported(formats.includes("qr_code")))
      .catch(() => setSupported(false));
  }, []);

  useEffect(() => {
    const D = detectorClass();
    if (!scanning || !D) return;
    const detector = new D({ formats: ["qr_code"] });
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: number | undefined;

    const look = async (el: HTMLVideoElement) => {
      if (stopped) return;
      const [hit] = await detector.detect(el).catch(() => []);
      if (hit?.rawValue) {
        scanned(hit.rawValue);
        setScanning(false);
        return;
      }
      timer = window.setTimeout(() => void look(el), 200);
    };

    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        const el = video.current;
        if (stopped || !el) return;
        el.srcObject = stream;
        await el.play();
        void look(el);
      } catch {
        setError("The camera isn’t available. Allow camera access, or type it in.");
        setScanning(false);
      }
    })();

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [scanning]);

  if (!supported) return null;

  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        onClick={() => {
          setError(undefined);
          setScanning((s) => !s);
        }}
        aria-pressed={scanning}
      >
        <ScanLineIcon className="size-4" />
        {scanning ? "Stop scanning" : `Scan ${what}`}
      </Button>
      {scanning ? (
        <video
          ref={video}
          muted
          playsInline
          aria-label={`Camera view: point it at the ${what}’s QR code`}
          className="aspect-square w-full max-w-xs rounded-xl bg-slate-900 object-cover"
        />
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

import { useMemo } from "react";
import { create } from "qrcode";

type QrSvgProps = { value: string; /** What the code is, for screen readers. */ label: string; className?: string };

const MARGIN = 2;

/**
 * A QR code drawn as one SVG path from the library's module matrix: synchronous, so it renders
 * the same on the server and in a client component that changes its value (no injected markup).
 */
export function QrSvg({ value, label, className = "" }: QrSvgProps) {
  const { size, path } = useMemo(() => {
    const { modules } = create(value, { errorCorrectionLevel: "M" });
    let d = "";
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) d += `M${col + MARGIN} ${row + MARGIN}h1v1h-1z`;
    return { size: modules.size + 2 * MARGIN, path: d };
  }, [value]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      className={`block aspect-square rounded-xl bg-white ${className}`}
    >
      <path d={path} fill="#0f172a" />
    </svg>
  );
}

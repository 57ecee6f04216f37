import "server-only";
import { toString as qrSvg } from "qrcode";
import { cn } from "./cn";

type QrCodeProps = { value: string; /** What the code is, for screen readers. */ label: string; className?: string };

/**
 * A QR code rendered to SVG on the server (no client JavaScript, crisp at any size). The SVG
 * comes from the library and our own value, never from user-supplied markup.
 */
export async function QrCode({ value, label, className }: QrCodeProps) {
  const svg = await qrSvg(value, {
    type: "svg",
    margin: 2,
    errorCorrectionLevel: "M",
    color: { dark: "#0f172a", light: "#ffffff" },
  });
  return (
    <div
      role="img"
      aria-label={label}
      className={cn(
        "aspect-square overflow-hidden rounded-xl bg-white [&>svg]:block [&>svg]:h-full [&>svg]:w-full",
        className,
      )}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

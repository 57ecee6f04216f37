// Draws the app's PNG icons from app/icon.svg with sharp (installed with Next): the manifest's 192 and
// 512 icons, a maskable 512 (full-bleed background, the mark inside the 80% safe circle) and the
// 180 px Apple touch icon, and the Apple Wallet pass images (lib/wallet/apple/model.pass: the icon shown in
// notifications, the logo in the card's top-left corner, white on the card's emerald). Run after changing the logo: `npx tsx scripts/make-icons.ts`; commit public/.
import { readFileSync } from "node:fs";
import sharp from "sharp";

const svg = readFileSync("app/icon.svg", "utf8");
// the same mark on a square background, shrunk to 60% so any mask shape keeps it whole
const maskable = svg
  .replace(/<rect [^>]*\/>/, '<rect width="64" height="64" fill="#059669"/>')
  .replace(/<path /, '<path transform="translate(12.8 12.8) scale(0.6)" ');

const icons: Array<{ file: string; size: number; source: string }> = [
  { file: "public/icon-192.png", size: 192, source: svg },
  { file: "public/icon-512.png", size: 512, source: svg },
  { file: "public/icon-maskable-512.png", size: 512, source: maskable },
  { file: "public/apple-touch-icon.png", size: 180, source: maskable },
];

for (const { file, size, source } of icons) {
  await sharp(Buffer.from(source), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(file);
  console.log(`${file} ${size}×${size}`);
}

// The pass logo: the mark and the name, white, on a transparent ground (the card's background shows
// through); Wallet shows it at most 160×50 points.
const mark = svg.match(/<path [^>]*\/>/)?.[0] ?? "";
const logo = (scale: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${160 * scale}" height="${50 * scale}" viewBox="0 0 160 50">` +
  `<g transform="translate(2 7) scale(0.5625)">${mark}</g>` +
  `<text x="44" y="34" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-size="26" ` +
  `font-weight="700" fill="#fff">Nerava</text></svg>`;
const passImages: Array<{ file: string; size?: number; source: string }> = [
  { file: "lib/wallet/apple/model.pass/icon.png", size: 29, source: maskable },
  { file: "lib/wallet/apple/model.pass/icon@2x.png", size: 58, source: maskable },
  { file: "lib/wallet/apple/model.pass/icon@3x.png", size: 87, source: maskable },
  { file: "lib/wallet/apple/model.pass/logo.png", source: logo(1) },
  { file: "lib/wallet/apple/model.pass/logo@2x.png", source: logo(2) },
];
for (const { file, size, source } of passImages) {
  const image = size
    ? sharp(Buffer.from(source), { density: (72 * size) / 64 }).resize(size, size)
    : sharp(Buffer.from(source));
  const out = await image.png({ compressionLevel: 9 }).toFile(file);
  console.log(`${file} ${out.width}×${out.height}`);
}

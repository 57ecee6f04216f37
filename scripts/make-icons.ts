// Draws the app's PNG icons from app/icon.svg with sharp (installed with Next): the manifest's 192 and
// 512 icons, a maskable 512 (full-bleed background, the mark inside the 80% safe circle) and the
// 180 px Apple touch icon. Run after changing the logo: `npx tsx scripts/make-icons.ts`; commit public/.
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

import sharp from "sharp";
const [file, top, height, out, width] = process.argv.slice(2);
const img = sharp(file);
const meta = await img.metadata();
const h = Math.min(Number(height), meta.height - Number(top));
let p = img.extract({ left: 0, top: Number(top), width: meta.width, height: h });
if (width) p = p.resize({ width: Number(width) });
await p.toFile(out);
console.log(out, meta.width, meta.height);

// Draws images/icon.png (128x128 RGBA): a blue rounded tile with a white page,
// grey lines of text and an orange pencil-mark underline. Pure Node, no deps:
// `node test/e2e/make-icon.js`.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const N = 128, SS = 4; // supersampling for smooth edges
function roundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function colourAt(x, y) {
  // layers, top first: [test, rgba]
  const page = [30, 18, 98, 110];
  const fold = 20;
  if (roundRect(x, y, 40, 92, 88, 99, 3.5)) return [255, 140, 40, 255]; // orange underline
  for (const [i, w] of [[0, 52], [1, 56], [2, 40], [3, 50], [4, 30]]) {
    const ly = 40 + i * 10;
    if (i !== 4 && roundRect(x, y, 40, ly, 40 + w, ly + 4, 2)) return [120, 134, 160, 255];
  }
  if (x >= page[2] - fold && y <= page[1] + fold && (x - (page[2] - fold)) + (page[1] + fold - y) > fold) {
    // folded corner
    if ((x - (page[2] - fold)) + (page[1] + fold - y) <= fold + 1.5 && x <= page[2] && y >= page[1]) return [200, 214, 235, 255];
  } else if (roundRect(x, y, page[0], page[1], page[2], page[3], 6)) return [250, 251, 253, 255];
  if (roundRect(x, y, 2, 2, 126, 126, 24)) {
    const t = y / N; // vertical gradient
    return [Math.round(28 + 20 * t), Math.round(78 + 30 * t), Math.round(160 + 40 * t), 255];
  }
  return [0, 0, 0, 0];
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
      const c = colourAt(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
      acc[0] += c[0] * c[3]; acc[1] += c[1] * c[3]; acc[2] += c[2] * c[3]; acc[3] += c[3];
    }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    const a = acc[3] / (SS * SS);
    raw[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
    raw[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
    raw[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
    raw[o + 3] = Math.round(a);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(__dirname, '..', '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);

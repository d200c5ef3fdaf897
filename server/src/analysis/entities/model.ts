// Model (de)serialisation: int8-quantised hashed weight table, base64 in a compact JSON file.

export interface ModelFile {
  version: 2;
  bits: number;
  tags: number;
  /** dequantised w = code * scale */
  scale: number;
  /** weights too large for a code: [index, value] */
  big: Array<[number, number]>;
  /** number of weights: (1 << bits) * tags */
  size: number;
  /** base64 of the run-length-encoded int8 codes */
  weights: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = i + 1 < bytes.length ? bytes[i + 1] : 0, c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)] + (i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : '=') + (i + 2 < bytes.length ? B64[c & 63] : '=');
    if (out.length > 65536) { parts.push(out); out = ''; }
  }
  parts.push(out);
  return parts.join('');
}

export function base64Decode(s: string): Uint8Array {
  const lut = new Uint8Array(128);
  for (let i = 0; i < 64; i++) lut[B64.charCodeAt(i)] = i;
  let len = (s.length / 4) * 3;
  if (s.endsWith('==')) len -= 2;
  else if (s.endsWith('=')) len -= 1;
  const out = new Uint8Array(len);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const a = lut[s.charCodeAt(i)], b = lut[s.charCodeAt(i + 1)], c = lut[s.charCodeAt(i + 2)], d = lut[s.charCodeAt(i + 3)];
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < len) out[o++] = (n >> 16) & 255;
    if (o < len) out[o++] = (n >> 8) & 255;
    if (o < len) out[o++] = n & 255;
  }
  return out;
}

/**
 * Quantise float weights uniformly to int8 codes (step `scale`, chosen so that 0.1% of the non-zero
 * weights overflow; -128 is reserved), keep overflowing weights exactly in `big`, run-length encode zero
 * runs as (-128, length) and serialise as base64.
 */
export function encodeModel(w: Float32Array, bits: number): { json: string; weights: Float32Array } {
  const abs = Float32Array.from(w, Math.abs).filter((x) => x > 0).sort();
  const top = abs.length ? abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.999))] : 1;
  const scale = top / 127;
  const bytes: number[] = [];
  const big: Array<[number, number]> = [];
  let zeros = 0;
  const flush = () => {
    while (zeros > 0) {
      const r = Math.min(zeros, 255);
      if (r === 1) bytes.push(0);
      else bytes.push(0x80, r);
      zeros -= r;
    }
  };
  for (let i = 0; i < w.length; i++) {
    const v = w[i];
    let q = Math.round(v / scale);
    if (q > 127 || q < -127) {
      big.push([i, Math.round(v * 1000) / 1000]);
      q = 0;
    }
    if (q === 0) { zeros++; continue; }
    flush();
    bytes.push(q & 255);
  }
  flush();
  const file: ModelFile = { version: 2, bits, tags: 7, scale, size: w.length, big, weights: base64Encode(Uint8Array.from(bytes)) };
  return { json: JSON.stringify(file), weights: decodeModel(file).weights };
}

export function decodeModel(m: ModelFile): { weights: Float32Array; mask: number } {
  const bytes = base64Decode(m.weights);
  const lut = new Float32Array(256);
  for (let q = -127; q <= 127; q++) lut[q & 255] = q * m.scale;
  const w = new Float32Array(m.size);
  let o = 0;
  for (let i = 0; i < bytes.length && o < w.length; i++) {
    const b = bytes[i];
    if (b === 0x80) { o += bytes[++i]; continue; }
    w[o++] = lut[b];
  }
  for (const [i, v] of m.big) w[i] = v;
  return { weights: w, mask: (1 << m.bits) - 1 };
}

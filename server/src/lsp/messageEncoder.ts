// The JSON encoder of the stream transports (stdio, sockets): the bytes JSON.stringify would give,
// written straight into a buffer for the one answer that runs to megabytes, a list of locations.
//
// References to a name every article's dateline carries are thousands of locations (7,624 at 10k
// articles, ~1 MB of JSON). JSON.stringify then Buffer.from spent ~0.8 µs a location, more than
// finding them; here each file's `{"uri":"…","range":{"start":{"line":` is encoded once and the four
// numbers are written as digits. Only arrays the server made and marked (`markLocations`) take this
// path, and each element is still checked; anything else, or any element that is not a plain
// location, goes through JSON.stringify. IPC (the VS Code client) serialises with Node's own JSON.
import type { Location } from 'vscode-languageserver';

const locationArrays = new WeakSet<object>();

/** Marks an array of locations the server built, so the stream encoder may write it itself. */
export function markLocations<T extends Location[]>(locations: T): T {
  locationArrays.add(locations);
  return locations;
}

/** How many messages took the direct path (for tests: the byte comparisons alone would pass without it). */
export const encoderCounts = { direct: 0 };

/** Below this many locations JSON.stringify is as quick and the general path is simpler. */
const MIN_FAST = 64;

const CHARACTER = Buffer.from(',"character":', 'latin1');
const END_LINE = Buffer.from('},"end":{"line":', 'latin1');
const CLOSE = Buffer.from('}}}', 'latin1');

/** The encoded opening of a location in one file, kept for the files of the last few answers. */
const openings = new Map<string, Buffer>();
const MAX_OPENINGS = 20_000;

function openingOf(uri: string): Buffer {
  let opening = openings.get(uri);
  if (opening === undefined) {
    if (openings.size >= MAX_OPENINGS) openings.clear();
    opening = Buffer.from(`{"uri":${JSON.stringify(uri)},"range":{"start":{"line":`, 'utf8');
    openings.set(uri, opening);
  }
  return opening;
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && n >= 0 && n <= 0x7fffffff && Math.floor(n) === n;
}

/** Whether JSON.stringify would write this element as exactly {uri, range: {start, end}} with integer positions. */
function isPlainLocation(l: Location): boolean {
  if (typeof l !== 'object' || l === null || typeof l.uri !== 'string' || Object.getPrototypeOf(l) !== Object.prototype) return false;
  const r = l.range;
  if (typeof r !== 'object' || r === null || Object.getPrototypeOf(r) !== Object.prototype) return false;
  const s = r.start, e = r.end;
  if (typeof s !== 'object' || s === null || typeof e !== 'object' || e === null) return false;
  if (!isCount(s.line) || !isCount(s.character) || !isCount(e.line) || !isCount(e.character)) return false;
  // Key order and no extra keys: what JSON.stringify would write is what is written here.
  return sameKeys(l, 'uri', 'range') && sameKeys(r, 'start', 'end') && sameKeys(s, 'line', 'character') && sameKeys(e, 'line', 'character')
    && Object.getPrototypeOf(s) === Object.prototype && Object.getPrototypeOf(e) === Object.prototype;
}

function sameKeys(o: object, first: string, second: string): boolean {
  let i = 0;
  for (const key in o) {
    if ((i === 0 && key !== first) || (i === 1 && key !== second) || i > 1) return false;
    i++;
  }
  return i === 2;
}

function writeCount(buffer: Buffer, at: number, n: number): number {
  if (n < 10) {
    buffer[at] = 48 + n;
    return at + 1;
  }
  if (n < 100) {
    buffer[at] = 48 + ((n / 10) | 0);
    buffer[at + 1] = 48 + (n % 10);
    return at + 2;
  }
  const digits = String(n);
  for (let k = 0; k < digits.length; k++) buffer[at + k] = digits.charCodeAt(k);
  return at + digits.length;
}

/** Writes a short constant byte by byte: Buffer#copy costs more than that for a dozen bytes. */
function writeBytes(buffer: Buffer, at: number, bytes: Buffer): number {
  for (let k = 0; k < bytes.length; k++) buffer[at + k] = bytes[k];
  return at + bytes.length;
}

/**
 * `head`, the locations as a JSON array, then `tail`, in one buffer; undefined when one of them is not
 * a plain location.
 */
function encodeLocations(head: Buffer, locations: Location[], tail: Buffer): Buffer | undefined {
  const fixed = 2 * CHARACTER.length + END_LINE.length + CLOSE.length + 4 * 10 + 1;
  let size = head.length + 2 + tail.length;
  let lastUri: string | undefined;
  let opening: Buffer | undefined;
  for (const l of locations) {
    if (!isPlainLocation(l)) return undefined;
    if (l.uri !== lastUri) {
      lastUri = l.uri;
      opening = openingOf(l.uri);
    }
    size += opening!.length + fixed;
  }
  const out = Buffer.allocUnsafe(size);
  out.set(head, 0);
  let at = head.length;
  out[at++] = 0x5b; // [
  lastUri = undefined;
  for (let i = 0; i < locations.length; i++) {
    const { uri, range } = locations[i];
    if (i > 0) out[at++] = 0x2c; // ,
    // Lists come sorted by file: the opening changes once per file, not per location.
    if (uri !== lastUri) {
      lastUri = uri;
      opening = openingOf(uri);
    }
    out.set(opening!, at);
    at += opening!.length;
    at = writeCount(out, at, range.start.line);
    at = writeBytes(out, at, CHARACTER);
    at = writeCount(out, at, range.start.character);
    at = writeBytes(out, at, END_LINE);
    at = writeCount(out, at, range.end.line);
    at = writeBytes(out, at, CHARACTER);
    at = writeCount(out, at, range.end.character);
    at = writeBytes(out, at, CLOSE);
  }
  out[at++] = 0x5d; // ]
  out.set(tail, at);
  at += tail.length;
  return out.subarray(0, at);
}

/** A JSON-RPC message as UTF-8 JSON: the same bytes as Buffer.from(JSON.stringify(message)). */
export function encodeMessage(message: unknown): Buffer {
  const result = (message as { result?: unknown } | null)?.result;
  if (
    Array.isArray(result) && result.length >= MIN_FAST && locationArrays.has(result)
    && Object.getPrototypeOf(message) === Object.prototype && typeof (message as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    // The envelope (jsonrpc, id, result) in its own key order, as JSON.stringify writes it.
    let head = '';
    let tail = '';
    let seenResult = false;
    for (const [key, value] of Object.entries(message as object)) {
      if (key === 'result') {
        head += `${head ? ',' : '{'}"result":`;
        seenResult = true;
        continue;
      }
      const json = JSON.stringify(value);
      if (json === undefined) continue; // JSON.stringify leaves such keys out
      const member = `${head || tail ? ',' : '{'}${JSON.stringify(key)}:${json}`;
      if (seenResult) tail += member;
      else head += member;
    }
    const encoded = encodeLocations(Buffer.from(head, 'utf8'), result as Location[], Buffer.from(tail + '}', 'utf8'));
    if (encoded) {
      encoderCounts.direct++;
      return encoded;
    }
  }
  return Buffer.from(JSON.stringify(message, undefined, 0), 'utf8');
}

/** vscode-jsonrpc's content-type encoder (`application/json`), for StreamMessageWriter's options. */
export const messageEncoder = {
  name: 'application/json',
  encode(message: unknown): Promise<Uint8Array> {
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

// Turns a file's bytes into text, saying honestly what it found: a BOM, UTF-16, bytes that
// are not UTF-8, or a binary file. Nothing is rewritten; the caller decides what to report.

export type FileEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'invalid-utf8' | 'binary';

export interface DecodedFile {
  /** The text to analyse. For invalid UTF-8 it is decoded with U+FFFD for bad bytes. */
  text: string;
  encoding: FileEncoding;
  /** Byte offset of the first byte that is not valid UTF-8, for the message. */
  firstInvalidByte?: number;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = tryUtf8(body);
    if (text !== undefined) return { text, encoding: 'utf8-bom' };
    return { text: utf8Lenient.decode(body), encoding: 'invalid-utf8', firstInvalidByte: 3 + firstInvalidUtf8(body) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  }
  if (looksBinary(bytes)) return { text: '', encoding: 'binary' };
  const text = tryUtf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf8' };
  return { text: utf8Lenient.decode(bytes), encoding: 'invalid-utf8', firstInvalidByte: firstInvalidUtf8(bytes) };
}

/** Encodes text back in the file's own encoding (BOM kept) so a fix round-trips. */
export function encodeFile(text: string, encoding: FileEncoding): Uint8Array {
  switch (encoding) {
    case 'utf8-bom':
      return concat(new Uint8Array([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8'));
    case 'utf16le':
      return concat(new Uint8Array([0xff, 0xfe]), Buffer.from(text, 'utf16le'));
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.alloc(le.length);
      for (let i = 0; i + 1 < le.length; i += 2) {
        be[i] = le[i + 1];
        be[i + 1] = le[i];
      }
      return concat(new Uint8Array([0xfe, 0xff]), be);
    }
    default:
      return Buffer.from(text, 'utf8');
  }
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A NUL byte in the first 8 KB (outside UTF-16, handled above) marks a binary file, as git does. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

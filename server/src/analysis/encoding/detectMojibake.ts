// Finds runs of mojibake: UTF-8 bytes that were decoded with a single-byte code page
// (once or several times) and saved again. The repair re-encodes the run with that code
// page and decodes it as UTF-8, layer by layer, and is kept only if the result is
// plausible text and the run was implausible text to begin with.
import {
  CODE_PAGES, CP1250, CP1251, CP1252, HIGH, MACROMAN, SUSPECT, decodeSequence, isContinuation, sequenceLength,
} from './codecs';
import { type DecodedClass, classifyDecoded, isAsciiLower, isLetter, isNonAsciiLetter, isUpper, isWhitespaceCode, show } from './classify';

export interface EncodingRepair {
  start: number;
  end: number;
  original: string;
  replacement: string;
  explanation: string;
}

type Strength = 'strong' | 'weak' | 'reject';
type Special = 'lost-nbsp' | 'lost-quote-byte' | 'lost-soft-hyphen' | 'lost-nbsp-a-grave';

/** One character of a region at some decoding depth, with the input span it stands for. */
interface Cell {
  text: string;
  start: number;
  end: number;
  /** How many times the span was decoded to get here (0 = as in the input). */
  depth: number;
  /** Code page the last decoding undid; -1 at depth 0. */
  page: number;
  parts?: Cell[];
  special?: Special;
}

interface Candidate {
  start: number;
  end: number;
  replacement: string;
  strength: Strength;
  page: number;
  depth: number;
  special?: Special;
  latin1: boolean;
}

const MAX_LAYERS = 4;
const A_CIRCUMFLEX = 0xc2; // Â: the lead byte of U+0080-U+00BF in Windows-1252 clothing
const A_TILDE = 0xc3; // Ã: the lead byte of U+00C0-U+00FF
const SPECIAL_CELLS = new Set(['Â', 'Ã', 'â']);

/** Punctuation that legitimately follows a word; after a capital it makes a pair ambiguous. */
const WORD_END_PUNCT = new Set(['’', '”', '…', '–', '—', '»', '›', '™', '®']);

/** MacRoman characters that UTF-8 lead bytes become, but which never precede an accented letter. */
const MAC_STRONG_LEADS = new Set(['¬', '√', 'ƒ', '≈', '∆', '÷', '◊', '⁄', '‡', '·', '‚', '„', '‰', '\uf8ff']);

/** Windows-1250 shapes of the lead bytes 0xC3 and 0xC5 (é, ó, ł, ś, ż ... all start so). */
const CP1250_STRONG_LEADS = new Set(['Ă', 'Ĺ']);

function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

function charAt(text: string, i: number): string {
  return i >= 0 && i < text.length ? text[i] : '';
}

/** Tries to read cells[i..] as one UTF-8 sequence in some code page. */
function tryUnit(cells: Cell[], i: number, text: string, firstPass: boolean): Cell | null {
  const cell = cells[i];
  if (cell.text.length !== 1) return null;
  const code = cell.text.charCodeAt(0);
  for (const page of CODE_PAGES) {
    if (cell.depth > 0 && cell.page !== page.id) continue;
    const lead = page.toByte[code];
    const length = sequenceLength(lead);
    if (length === 0 || i + length > cells.length) continue;
    const bytes = [lead];
    for (let j = 1; j < length; j++) {
      const next = cells[i + j];
      if (next.text.length !== 1 || next.depth !== cell.depth || next.special) break;
      // Real double damage repeats one mistake; mixing pages across layers finds accidents.
      if (next.depth > 0 && next.page !== page.id) break;
      const b = page.toByte[next.text.charCodeAt(0)];
      if (!isContinuation(b)) break;
      bytes.push(b);
    }
    if (bytes.length !== length) continue;
    const cp = decodeSequence(bytes);
    if (cp < 0) continue;
    const cls = classifyDecoded(cp);
    // Keep intermediate results that may decode further (C1 controls, Latin-1 letters).
    if (cls === 'bad' && !(cp < 0x10000 && HIGH[cp])) continue;
    const parts = cells.slice(i, i + length);
    return { text: String.fromCodePoint(cp), start: cell.start, end: parts[length - 1].end, depth: cell.depth + 1, page: page.id, parts };
  }
  if (!SPECIAL_CELLS.has(cell.text) || cell.special) return null;
  return cell.depth === 0 || cell.text === 'â' ? trySpecial(cells, i, text, firstPass) : null;
}

/** Shapes left behind when one byte of the UTF-8 sequence was lost or turned into a space. */
function trySpecial(cells: Cell[], i: number, text: string, firstPass: boolean): Cell | null {
  const cell = cells[i];
  const prev = codeAt(text, cell.start - 1);
  const next = codeAt(text, cell.end);
  const make = (replacement: string, end: number, special: Special, parts: Cell[]): Cell => ({
    text: replacement, start: cell.start, end, depth: cell.depth + 1, page: CP1252, parts, special,
  });
  if (!firstPass && cell.text !== 'â') return null;
  if (cell.text === 'Â') {
    // `USÂ missile`: the 0xA0 of a no-break space became a plain space or vanished.
    const spaceOrEnd = next === -1 || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
    if (spaceOrEnd && prev !== -1 && !isWhitespaceCode(prev)) return make('', cell.end, 'lost-nbsp', [cell]);
    return null;
  }
  if (cell.text === 'Ã') {
    // `RodrÃguez`: í is 0xC3 0xAD and the soft hyphen 0xAD is routinely stripped.
    if (isAsciiLower(prev) && isAsciiLower(next)) return make('í', cell.end, 'lost-soft-hyphen', [cell]);
    // `voilÃ  la`: à is 0xC3 0xA0 and its no-break space became a plain space.
    if (next === 0x20 && (isAsciiLower(prev) || prev === -1 || prev === 0x20)) {
      const end = codeAt(text, cell.end + 1) === 0x20 ? cell.end + 1 : cell.end;
      return make('à', end, 'lost-nbsp-a-grave', [cell]);
    }
    return null;
  }
  // `â€` with nothing after it: ” is 0xE2 0x80 0x9D and 0x9D is undefined in Windows-1252.
  if (cell.depth > 0 && cell.page !== CP1252) return null;
  const euro = cells[i + 1];
  if (euro && euro.text === '€' && euro.depth === cell.depth && !euro.special && (cell.depth === 0 || euro.page === CP1252)) {
    const after = cells[i + 2];
    const third = after && after.text.length === 1 ? CODE_PAGES[CP1252].toByte[after.text.charCodeAt(0)] : -1;
    if (!isContinuation(third)) return make('”', euro.end, 'lost-quote-byte', [cell, euro]);
  }
  return null;
}

function decodeLayers(cells: Cell[], text: string): Cell[] {
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    let changed = false;
    const out: Cell[] = [];
    for (let i = 0; i < cells.length; ) {
      const unit = tryUnit(cells, i, text, layer === 0);
      if (unit) {
        out.push(unit);
        i += unit.parts!.length;
        changed = true;
      } else {
        out.push(cells[i]);
        i++;
      }
    }
    cells = out;
    if (!changed) break;
  }
  return cells;
}

/** Windows-1252 leaves no defined 0x80-0x9F byte as a C1 control. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Whether a run holds both a C1 control that only Latin-1 decoding leaves (a byte that
 * Windows-1252 defines) and a symbol only Windows-1252 decoding gives (’ for 0x92): one
 * decoder never produces both, so the run is an accident, not damage to undo.
 */
function mixesLatin1AndWindows1252(text: string): boolean {
  let latin1Only = false;
  let windowsOnly = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c < 0xa0 && !UNDEFINED_IN_1252.has(c)) latin1Only = true;
    else if (c > 0xff) windowsOnly = true;
  }
  return latin1Only && windowsOnly;
}

function hasC1(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c < 0xa0) return true;
  }
  return false;
}

/**
 * How sure we are that a decoded cell is a repair rather than an accident. `prev` and
 * `next` are the neighbouring characters at the same decoding layer.
 */
function judge(cell: Cell, chain: number, prev: string, next: string): Strength {
  switch (cell.special) {
    case 'lost-nbsp':
    case 'lost-quote-byte':
    case 'lost-soft-hyphen':
      return 'strong';
    case 'lost-nbsp-a-grave':
      return 'weak';
  }
  const cp = cell.text.codePointAt(0)!;
  const cls = classifyDecoded(cp);
  if (cls === 'bad' || cls === 'c1') return 'reject';
  if (cls === 'combining' && !isLetter(prev)) return 'reject';
  if (cp === 0xfeff) return 'strong';
  // The layer below must itself look like mojibake: "В" + no-break space is Russian text,
  // not something to decode again.
  const original = cell.parts!.map((p) => p.text).join('');
  const strength = judgeUnit(original, cell.page, cls, chain, prev, next);
  return cell.depth >= 2 && strength !== 'strong' ? 'reject' : strength;
}

function judgeUnit(original: string, pageId: number, cls: DecodedClass, chain: number, prev: string, next: string): Strength {
  const page = CODE_PAGES[pageId];
  const lead = page.toByte[original.charCodeAt(0)];
  // A word in capitals followed by closing punctuation reads as text too: "IRMÃ”" is
  // Portuguese, "TÄ…" Finnish. Only trust these if the document has others like them.
  const capitalThenPunct =
    original.length === 2 && isUpper(prev) && WORD_END_PUNCT.has(original[1]) && !isLetter(next);

  if (pageId === CP1252) {
    if (mixesLatin1AndWindows1252(original)) return 'reject'; // no single decoder yields both
    if (hasC1(original)) return 'strong'; // Latin-1 decoding leaves controls no text contains
    if (lead >= 0xf0) return 'strong'; // four bytes of symbols after ð never happen in text
    if (lead >= 0xe0) return cls === 'script' && chain === 1 ? 'weak' : 'strong';
    if (lead === A_CIRCUMFLEX) return 'strong';
    if (capitalThenPunct) return 'weak';
    if (cls === 'script' && chain === 1 && (isNonAsciiLetter(prev) || isNonAsciiLetter(next))) return 'weak';
    return 'strong';
  }
  // Other pages share many characters with real text in their own languages: demand more.
  if (cls === 'script' && chain === 1 && (isNonAsciiLetter(prev) || isNonAsciiLetter(next))) return 'reject';
  if (pageId === CP1251) {
    if (chain >= 2 || cls === 'punct' || cls === 'symbol') return 'strong';
    return 'weak';
  }
  if (pageId === CP1250) {
    if (CP1250_STRONG_LEADS.has(original[0]) && !capitalThenPunct) return 'strong';
    return 'weak';
  }
  if (pageId === MACROMAN) {
    if (MAC_STRONG_LEADS.has(original[0]) && cls !== 'script') return 'strong';
    if (chain >= 3) return 'strong'; // whole words of –£–∫ or Œ£œÑ: Cyrillic or Greek through MacRoman
    return 'weak';
  }
  return 'reject';
}

function lastChar(s: string): string {
  return s === '' ? '' : String.fromCodePoint(s.codePointAt(s.length - 1)!) ;
}

/** Judges decoded cells, falling back to the layer below when a layer does not hold up. */
function collect(cells: Cell[], text: string, out: Candidate[]): void {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.depth === 0) continue;
    const same = (other: Cell) => other.depth === cell.depth && other.page === cell.page && !other.special;
    let chain = 1;
    for (let j = i - 1; j >= 0 && same(cells[j]); j--) chain++;
    for (let j = i + 1; j < cells.length && same(cells[j]); j++) chain++;
    const prev = i > 0 ? lastChar(cells[i - 1].text) : charAt(text, cell.start - 1);
    const next = i + 1 < cells.length ? cells[i + 1].text.slice(0, 1) : charAt(text, cell.end);
    const strength = judge(cell, chain, prev, next);
    if (strength === 'reject') {
      if (cell.parts && cell.depth > 1) collect(cell.parts, text, out);
      continue;
    }
    const original = text.slice(cell.start, cell.end);
    out.push({
      start: cell.start, end: cell.end, strength, page: cell.page, depth: cell.depth, special: cell.special,
      // A decoded byte order mark is a file signature, not content.
      replacement: cell.text === '\uFEFF' ? '' : cell.text,
      latin1: hasC1(original),
    });
  }
}

const TIMES = ['', '', ', twice', ', three times', ', four times'];

function explain(original: string, replacement: string, group: Candidate[]): string {
  const first = group[0];
  if (group.length === 1 && first.special === 'lost-nbsp') {
    return `${show(original)} is what is left of a no-break space (U+00A0) whose UTF-8 bytes were read as Windows-1252; the rest of it was lost or became a plain space, so the \`Â\` is dropped`;
  }
  if (replacement === '' && group.every((c) => !c.special)) {
    return `${show(original)} is a byte order mark (U+FEFF) read with the wrong encoding (UTF-8 decoded as Windows-1252); it marks a file's start and is dropped`;
  }
  const pages = new Set(group.map((c) => (c.page === CP1252 && c.latin1 ? 'Latin-1' : CODE_PAGES[c.page].name)));
  // Windows-1252 shares most characters with 1250 and MacRoman; name the page that explains the rest.
  if (pages.size > 1) pages.delete('Windows-1252');
  const depth = Math.max(...group.map((c) => c.depth));
  const lost = group.some((c) => c.special && c.special !== 'lost-nbsp') ? ', with one byte lost on the way' : '';
  return `${show(original)} is ${show(replacement)} read with the wrong encoding (UTF-8 decoded as ${[...pages].join(' and ')}${TIMES[depth] ?? ''}${lost})`;
}

/** Every mojibake run in `text`, repaired. Pure and exception-free; fast on clean text. */
export function detectMojibake(text: string): EncodingRepair[] {
  SUSPECT.lastIndex = 0;
  if (!SUSPECT.test(text)) return [];
  const candidates: Candidate[] = [];
  SUSPECT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SUSPECT.exec(text)) !== null) {
    let start = match.index;
    while (start > 0 && HIGH[text.charCodeAt(start - 1)]) start--;
    let end = match.index + 1;
    while (end < text.length && HIGH[text.charCodeAt(end)]) end++;
    const cells: Cell[] = [];
    for (let i = start; i < end; i++) cells.push({ text: text[i], start: i, end: i + 1, depth: 0, page: -1 });
    collect(decodeLayers(cells, text), text, candidates);
    SUSPECT.lastIndex = end;
  }
  // Weak evidence counts only when the same code page is confirmed elsewhere in the document.
  const confirmed = new Set(candidates.filter((c) => c.strength === 'strong').map((c) => c.page));
  const accepted = candidates.filter((c) => c.strength === 'strong' || confirmed.has(c.page));
  const repairs: EncodingRepair[] = [];
  for (let i = 0; i < accepted.length; ) {
    let j = i + 1;
    while (j < accepted.length && accepted[j].start === accepted[j - 1].end) j++;
    const group = accepted.slice(i, j);
    const start = group[0].start;
    const end = group[group.length - 1].end;
    const original = text.slice(start, end);
    const replacement = group.map((c) => c.replacement).join('');
    repairs.push({ start, end, original, replacement, explanation: explain(original, replacement, group) });
    i = j;
  }
  return repairs;
}

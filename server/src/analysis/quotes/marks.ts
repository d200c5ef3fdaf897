// Pairs quotation marks into spans. One left-to-right pass per paragraph (a line), so the cost
// is linear in the text and a damaged mark can only confuse the rest of its own paragraph:
// every paragraph starts from a clean state except for the newspaper convention of a quote
// that runs on into a paragraph which reopens it.

export interface RawSpan {
  markStart: number;
  start: number;
  end: number;
  markEnd: number;
  /** Paragraph ordinal (0-based, blank lines not counted) and its extent. */
  para: number;
  paraStart: number;
  paraEnd: number;
  /** No closing mark: the quote runs on into the next paragraph. */
  runsOn: boolean;
  /** Reopens a quote left running by the previous paragraph. */
  continued: boolean;
  /** Single-quoted ('…', ‘…’). */
  single: boolean;
  /** Lies inside another quote. */
  nested: boolean;
}

const DQ = 0x22; // "
const SQ = 0x27; // '
const LDQ = 0x201c; // “
const RDQ = 0x201d; // ”
const LOW_DQ = 0x201e; // „
const LGUIL = 0xab; // «
const RGUIL = 0xbb; // »
const LSQ = 0x2018; // ‘
const RSQ = 0x2019; // ’

/** Longest single-quoted span accepted: stray apostrophes ("the '90s", "players' union") must not pair far apart. */
const MAX_SINGLE = 600;

function isMark(c: number): boolean {
  return c === DQ || c === SQ || c === LDQ || c === RDQ || c === LOW_DQ || c === LGUIL || c === RGUIL || c === LSQ || c === RSQ;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x0b || c === 0x0c;
}

const WORD = /[\p{L}\p{N}]/u;
function isWord(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return c >= 0 && WORD.test(String.fromCharCode(c));
}

/** What may stand right before an opening mark. */
function opensAfter(c: number): boolean {
  if (c < 0 || isSpace(c) || isMark(c)) return true;
  // ( [ { / : — – -
  return c === 0x28 || c === 0x5b || c === 0x7b || c === 0x2f || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x2d;
}

/** What may stand right after a closing mark (CoreNLP's rule for ’: space, punctuation or end). */
function closesBefore(c: number): boolean {
  if (c < 0 || isSpace(c) || isMark(c)) return true;
  // . , ; : ! ? ) ] } — – - … /
  return (
    c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x5d ||
    c === 0x7d || c === 0x2014 || c === 0x2013 || c === 0x2d || c === 0x2026 || c === 0x2f
  );
}

interface Open {
  pos: number;
  kind: number;
}

/** Paragraph ranges [start, end) excluding line terminators; blank lines are paragraphs too. */
export function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  if (text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
    // Only \n breaks (most text): the native search is several times faster than a loop over the
    // characters, and an open article is paired again on every keystroke.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      out.push([start, i]);
      start = i + 1;
    }
    out.push([start, text.length]);
    return out;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2029 || c === 0x2028) {
      out.push([start, i]);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
  }
  out.push([start, text.length]);
  return out;
}

export function pairMarks(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  const paras = paragraphs(text);
  let runningIn = false; // the previous paragraph left a quote running on into this one
  let paraOrdinal = 0;
  for (let p = 0; p < paras.length; p++) {
    const [ps, pe] = paras[p];
    if (isBlank(text, ps, pe)) continue; // blank lines neither break nor carry a run-on quote
    const marks = pairParagraph(text, ps, pe);
    // Newspaper convention: a quote spanning paragraphs has no closing mark until its last
    // paragraph, and each following paragraph reopens it.
    const runsOn = marks.leftOpen && reopens(text, paras, p + 1);
    placeParagraph(marks, paraOrdinal++, runningIn, runsOn, spans);
    runningIn = runsOn;
  }
  return spans;
}

/**
 * What one paragraph's own text says of its marks, before its neighbours are known: its spans in
 * order (the paragraph ordinal and `continued` are set by placeParagraph), and the span a double
 * quote left open at its end makes if the next paragraph reopens it.
 */
export interface ParagraphMarks {
  spans: RawSpan[];
  /** A double quote is still open at the paragraph's end. */
  leftOpen: boolean;
  /** The open quote as a span running on to the paragraph's end (null when it holds nothing). */
  runOn: RawSpan | null;
  /** Offset of the paragraph's first character that is not a space. */
  firstContent: number;
}

/** Pairs the marks of the paragraph text[ps, pe): one left-to-right pass, reading nothing outside it. */
export function pairParagraph(text: string, ps: number, pe: number): ParagraphMarks {
  const spans: RawSpan[] = [];
  let dbl: Open | null = null;
  let sgl: Open | null = null;

  const span = (open: Open, close: number, single: boolean, markEnd: number, runsOn: boolean): RawSpan | null => {
    let a = open.pos + 1;
    let b = close;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a >= b) return null;
    if (single && b - a > MAX_SINGLE) return null;
    const nested = single ? dbl !== null && dbl.pos < open.pos : sgl !== null && sgl.pos < open.pos;
    return { markStart: open.pos, start: a, end: b, markEnd, para: 0, paraStart: ps, paraEnd: pe, runsOn, continued: false, single, nested };
  };
  const emit = (open: Open, close: number, single: boolean, markEnd: number) => {
    const s = span(open, close, single, markEnd, false);
    if (s) spans.push(s);
  };

  for (let i = ps; i < pe; i++) {
    const c = text.charCodeAt(i);
    if (c !== DQ && c !== SQ && c < 0xab) continue;
    if (!isMark(c)) continue;
    const prev = i > ps ? text.charCodeAt(i - 1) : -1;
    const next = i + 1 < pe ? text.charCodeAt(i + 1) : -1;
    const openerCtx = opensAfter(prev) && next >= 0 && !isSpace(next);
    const closerCtx = prev >= 0 && !isSpace(prev) && closesBefore(next);

    if (c === DQ || c === LDQ || c === RDQ || c === LOW_DQ || c === LGUIL || c === RGUIL) {
      let action: 'open' | 'close' | 'skip';
      if (c === DQ) {
        if (isWord(prev) && isWord(next)) action = 'skip'; // last week"s: a straight quote typed for an apostrophe
        else if (dbl) action = closerCtx || !openerCtx ? 'close' : 'open';
        else action = openerCtx || !closerCtx ? 'open' : 'skip';
      } else if (c === LDQ) {
        // „…“ closes with “; elsewhere “ only closes when it plainly sits at a word's end.
        action = dbl && (dbl.kind === LOW_DQ || (closerCtx && !openerCtx)) ? 'close' : 'open';
      } else if (c === RDQ) {
        action = dbl ? 'close' : openerCtx ? 'open' : 'skip';
      } else if (c === RGUIL) {
        action = dbl ? 'close' : 'skip';
      } else {
        action = 'open';
      }
      if (action === 'close' && dbl) {
        if (sgl && sgl.pos > dbl.pos) sgl = null; // an unclosed nested quote dies with its host
        emit(dbl, i, false, i + 1);
        dbl = null;
      } else if (action === 'open') {
        // An opener while one is open means a lost closing mark: restart rather than invert the pairing.
        if (sgl && dbl && sgl.pos > dbl.pos) sgl = null;
        dbl = { pos: i, kind: c };
      }
      continue;
    }

    // Single quotes and apostrophes.
    if (c === SQ) {
      if (isWord(prev) && isWord(next)) continue; // Russia's
      if (sgl && closerCtx) {
        emit(sgl, i, true, i + 1);
        sgl = null;
      } else if (openerCtx && isWord(next)) {
        sgl = { pos: i, kind: c };
      }
    } else if (c === LSQ) {
      if (sgl && closerCtx && !openerCtx) {
        emit(sgl, i, true, i + 1);
        sgl = null;
      } else if (next >= 0 && !isSpace(next)) {
        sgl = { pos: i, kind: c };
      }
    } else if (c === RSQ) {
      // ’ closes only before space, punctuation or the end; otherwise it is an apostrophe.
      if (sgl && closerCtx) {
        emit(sgl, i, true, i + 1);
        sgl = null;
      }
    }
  }

  let runOn: RawSpan | null = null;
  if (dbl) {
    let end = pe;
    while (end > dbl.pos + 1 && isSpace(text.charCodeAt(end - 1))) end--;
    runOn = span(dbl, end, false, end, true);
  }
  spans.sort((a, b) => a.markStart - b.markStart);
  return { spans, leftOpen: dbl !== null, runOn, firstContent: firstContentPos(text, ps, pe) };
}

/**
 * Appends a paragraph's spans to `out` in order, with its ordinal, whether it reopens a quote the
 * previous paragraph left running (`runningIn`), and whether its open quote runs on (`runsOn`).
 * Returns the spans it appended. `marks` is not changed: a memo may hold it.
 */
export function placeParagraph(marks: ParagraphMarks, para: number, runningIn: boolean, runsOn: boolean, out: RawSpan[]): RawSpan[] {
  const placed: RawSpan[] = [];
  const all = runsOn && marks.runOn ? [...marks.spans, marks.runOn].sort((a, b) => a.markStart - b.markStart) : marks.spans;
  for (const s of all) {
    const copy = { ...s, para, continued: reopensRunningQuote(marks, s, runningIn) };
    placed.push(copy);
    out.push(copy);
  }
  return placed;
}

/** Whether span `s` of a paragraph reopens a quote the previous paragraph left running (`runningIn`). */
export function reopensRunningQuote(marks: ParagraphMarks, s: RawSpan, runningIn: boolean): boolean {
  return runningIn && !s.single && s.markStart === marks.firstContent;
}

/** Whether the next paragraph with content after paras[from - 1] opens with a double quote (it reopens a running quote). */
function reopens(text: string, paras: Array<[number, number]>, from: number): boolean {
  const next = nextContentParagraph(text, paras, from);
  return next !== null && startsWithDoubleOpener(text, next[0], next[1]);
}

export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function firstContentPos(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function nextContentParagraph(text: string, paras: Array<[number, number]>, from: number): [number, number] | null {
  for (let q = from; q < paras.length; q++) if (!isBlank(text, paras[q][0], paras[q][1])) return paras[q];
  return null;
}

export function startsWithDoubleOpener(text: string, start: number, end: number): boolean {
  const i = firstContentPos(text, start, end);
  if (i + 1 >= end) return false;
  const c = text.charCodeAt(i);
  return (c === DQ || c === LDQ || c === LGUIL || c === LOW_DQ) && !isSpace(text.charCodeAt(i + 1));
}

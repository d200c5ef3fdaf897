// unbalanced-quote: a quotation mark that opens and never closes in its paragraph (a line), or
// a closing mark with nothing open. One left-to-right pass per line, so the cost is linear.
//
// Not reported:
// - the newspaper convention for a quotation running over several paragraphs: a paragraph
//   that leaves “ open is fine when the next paragraph opens with “ again;
// - a quotation carried over a line break: an opener left open pairs with a closing mark that
//   comes first in the next line (hard-wrapped text, or an outlet that does not reopen), and a
//   line ending mid-sentence (no . ? ! : or closing mark) carries it over lines without marks;
// - apostrophes and primes: `Russia's`, `week"s` (quote-as-apostrophe's business), `5'11"`,
//   `12" pizza`, `players'`, `'90s`, `rock 'n' roll`, `'em`, `'til`, `'cause`;
// - marks inside cp1252 mojibake (`â€”` is a damaged em dash, not a closing ”);
// - closing single marks with nothing open (`countries'` is a plural possessive).

import type { Problem, Rule } from '../types';
import { isBlankChar, isDash, isDigit, isLetter, isQuoteMark, isSpace, isWordChar, lines } from './text';

export const UNBALANCED_QUOTE_RULE_ID = 'unbalanced-quote';

const DQ = 0x22;
const SQ = 0x27;
const LDQ = 0x201c;
const RDQ = 0x201d;
const LOW_DQ = 0x201e;
const LGUIL = 0xab;
const RGUIL = 0xbb;
const LSQ = 0x2018;
const RSQ = 0x2019;

/** Words that start with an elision apostrophe, not an opening single quote. */
const ELISIONS = new Set(['em', 'til', 'tis', 'twas', 'cause', 'bout', 'n', 'round', 'nuff', 'kay', 'sup', 'cos', 'coz', 'ello', 'ere', 'ave', 'appen']);

function opensAfter(c: number): boolean {
  if (c < 0 || isBlankChar(c) || isQuoteMark(c)) return true;
  // ( [ { / : and dashes
  return c === 0x28 || c === 0x5b || c === 0x7b || c === 0x2f || c === 0x3a || isDash(c);
}

function closesBefore(c: number): boolean {
  if (c < 0 || isBlankChar(c) || isQuoteMark(c)) return true;
  // . , ; : ! ? ) ] } … / and dashes
  return (
    c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x5d ||
    c === 0x7d || c === 0x2026 || c === 0x2f || isDash(c)
  );
}

/** Last content character ends a sentence or a quotation: the paragraph does not run on. */
function endsParagraph(c: number): boolean {
  return c === 0x2e || c === 0x3f || c === 0x21 || c === 0x2026 || c === 0x3a || c === 0x3b || isQuoteMark(c) || c === 0x29;
}

interface Open {
  pos: number;
  kind: number;
}

interface Carry {
  pos: number;
  /** The last line it crossed ended mid-sentence: it may cross a line without marks. */
  runsOn: boolean;
}

export interface UnbalancedMark {
  pos: number;
  /** 'unclosed': opens and never closes; 'unopened': closes with nothing open. */
  kind: 'unclosed' | 'unopened';
  single: boolean;
}

/** Quotation marks that do not pair within their paragraph, in text order. */
export function unbalancedQuotes(text: string): UnbalancedMark[] {
  const out: UnbalancedMark[] = [];
  let carry: Carry | null = null; // a double quote left open by an earlier line
  for (const line of lines(text)) {
    const ps = line.start;
    const pe = line.end;
    let cs = ps;
    while (cs < pe && isBlankChar(text.charCodeAt(cs))) cs++;
    if (cs === pe) continue; // blank lines neither break nor carry a quotation
    let ce = pe;
    while (ce > cs && isBlankChar(text.charCodeAt(ce - 1))) ce--;

    let dbl: Open | null = null;
    let sgl: Open | null = null;
    let sawDouble = false;

    const closeSingle = () => {
      if (sgl) out.push({ pos: sgl.pos, kind: 'unclosed', single: true });
      sgl = null;
    };

    for (let i = cs; i < ce; i++) {
      const c = text.charCodeAt(i);
      if (c !== DQ && c !== SQ && c < 0xab) continue;
      if (!isQuoteMark(c)) continue;
      const prev = i > ps ? text.charCodeAt(i - 1) : -1;
      if (prev === 0x20ac) continue; // `â€”`, `â€œ`: a mark inside cp1252 mojibake is mojibake's business
      const next = i + 1 < pe ? text.charCodeAt(i + 1) : -1;
      const openerCtx = opensAfter(prev) && next >= 0 && !isSpace(next);
      const closerCtx = prev >= 0 && !isSpace(prev) && closesBefore(next);

      if (c === SQ || c === LSQ || c === RSQ || c === 0x201a) {
        if (isWordChar(prev) && isWordChar(next)) continue; // Russia's, don’t
        if (c === RSQ || c === SQ) {
          if (sgl && closerCtx) {
            sgl = null;
            continue;
          }
          if (c === RSQ || !openerCtx || !isLetter(next)) continue; // apostrophe, prime, '90s
          let j = i + 1;
          while (j < ce && isLetter(text.charCodeAt(j)) && j - i < 8) j++;
          if (ELISIONS.has(text.slice(i + 1, j).toLowerCase())) continue;
          if (sgl) closeSingle();
          sgl = { pos: i, kind: c };
        } else if (c === LSQ && sgl && closerCtx && !openerCtx) {
          sgl = null;
        } else if (next >= 0 && !isSpace(next)) {
          if (sgl) closeSingle();
          sgl = { pos: i, kind: c };
        }
        continue;
      }

      // Double marks.
      let action: 'open' | 'close' | 'skip';
      if (c === DQ) {
        if (isWordChar(prev) && isWordChar(next)) action = 'skip'; // week"s
        else if (!dbl && !carry && isDigit(prev) && !isWordChar(next)) action = 'skip'; // 5'11", 12" pizza
        else if (dbl) action = closerCtx || !openerCtx ? 'close' : 'open';
        else action = openerCtx || !closerCtx ? 'open' : 'close';
      } else if (c === LDQ) {
        action = dbl && (dbl.kind === LOW_DQ || (closerCtx && !openerCtx)) ? 'close' : 'open';
      } else if (c === RDQ) {
        action = dbl || !openerCtx || closerCtx ? 'close' : 'open';
      } else if (c === LOW_DQ) {
        action = 'open';
      } else if (c === LGUIL) {
        action = dbl && dbl.kind === RGUIL ? 'close' : 'open';
      } else {
        action = dbl ? 'close' : openerCtx && !closerCtx ? 'open' : 'close'; // »German« or French «»
      }
      if (action === 'skip') continue;

      if (!sawDouble && carry) {
        // The first double mark of a line decides what became of a quotation left open before.
        if (action === 'close' && !dbl) {
          carry = null; // it closes here: a wrapped line or a paragraph that was not reopened
          sawDouble = true;
          continue;
        }
        if (!(action === 'open' && i === cs)) out.push({ pos: carry.pos, kind: 'unclosed', single: false });
        carry = null; // reopened at the paragraph start: the newspaper convention
      }
      sawDouble = true;
      if (action === 'close') {
        if (dbl) {
          if (sgl && sgl.pos > dbl.pos) closeSingle(); // a single quote left open inside
          dbl = null;
        } else out.push({ pos: i, kind: 'unopened', single: false });
      } else {
        if (dbl) {
          if (sgl && sgl.pos > dbl.pos) closeSingle();
          out.push({ pos: dbl.pos, kind: 'unclosed', single: false }); // its closing mark was lost
        }
        dbl = { pos: i, kind: c };
      }
    }
    if (sgl) closeSingle();

    const runsOn = !endsParagraph(text.charCodeAt(ce - 1));
    if (!sawDouble && carry) {
      // No double marks on this line: the quotation may only cross it if the line before ran on.
      if (carry.runsOn) {
        carry.runsOn = runsOn;
        continue;
      }
      out.push({ pos: carry.pos, kind: 'unclosed', single: false });
      carry = null;
    }
    if (dbl) carry = { pos: dbl.pos, runsOn };
  }
  if (carry) out.push({ pos: carry.pos, kind: 'unclosed', single: false });
  out.sort((a, b) => a.pos - b.pos);
  return out;
}

export const unbalancedQuoteRule: Rule = {
  id: UNBALANCED_QUOTE_RULE_ID,
  description: 'A quotation mark that opens and never closes in its paragraph, or closes with nothing open.',
  defaultSeverity: 'warning',
  fixAll: false,
  check(text: string): Problem[] {
    try {
      return unbalancedQuotes(text).map((m) => ({
        rule: UNBALANCED_QUOTE_RULE_ID,
        start: m.pos,
        end: m.pos + 1,
        severity: 'warning' as const,
        message:
          m.kind === 'unclosed'
            ? `This ${m.single ? 'single ' : ''}quotation mark opens a quotation that is never closed in its paragraph`
            : 'This closing quotation mark has no opening mark in its paragraph',
        fixes: [],
      }));
    } catch {
      return [];
    }
  },
};

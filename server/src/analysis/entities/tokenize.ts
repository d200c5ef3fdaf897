// Raw-text tokeniser for the NER tagger: Penn-Treebank-like tokens with UTF-16 offsets.
// "Putin's" -> "Putin" "'s"; "don't" -> "do" "n't"; "U.S." / "Mr." / "J." keep their period;
// hyphenated words ("al-Assad", "Secretary-General") stay one token. Curly quotes and dashes are
// normalised in `norm` (the string the features see); offsets always point into the original text.
import { UNWRAPPED_LINE } from '../blocks';

export interface Tokens {
  /** Normalised token strings (curly quotes straightened, dashes unified). */
  norm: string[];
  start: number[];
  end: number[];
  /** True when the token starts a new sentence (or paragraph / headline line). */
  sentStart: boolean[];
}

const ABBREV = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Sgt', 'Capt', 'Cmdr', 'Adm', 'Maj',
  'Rev', 'St', 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Mt', 'Ft', 'No', 'vs', 'Jan', 'Feb', 'Mar', 'Apr',
  'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Ave',
  'Blvd', 'Dept', 'Univ', 'Pres', 'Amb', 'Supt', 'Insp', 'Det', 'Cpl', 'Pvt', 'Messrs', 'Mme', 'Mlle', 'etc', 'al',
  'Brig', 'Cdr',
]);

// letter/digit/mark runs joined by internal hyphens or apostrophes; or dotted acronyms (U.S., e.g.)
// (and a decimal without its zero after white space: ".769", a winning percentage in standings)
const TOKEN_RE = /([UE]\. [SNK]\.(?!\p{L})|\p{L}(?:\.\p{L})+\.?)|([\p{L}\p{N}\p{M}]+(?:[-'’‘][\p{L}\p{N}\p{M}]+)*(?:[.,:][\p{N}]+)*|(?<!\S)\.\p{N}+)|(\.\.\.|--|\S)/gu;


/**
 * "People 's Liberation Army": text tokenised the CoNLL way (tokens joined by spaces) prints the possessive
 * apart. An apostrophe after a space that ends a word, then "s" alone, is the clitic "'s", as "People's" gives.
 */
function isSpacedClitic(text: string, p: number): boolean {
  if (p < 2 || !isSpaceCode(text.charCodeAt(p - 1))) return false;
  const s = text.charCodeAt(p + 1);
  if (s !== 115 && s !== 83) return false;
  const after = text.charCodeAt(p + 2);
  if (after === after && (isWordCode(after) || after > 127)) return false; // (NaN at the end: nothing after)
  return isWordCode(text.charCodeAt(p - 2)) || text.charCodeAt(p - 2) > 127;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** White space as the regex's \S excludes it, for the ASCII characters the fast path sees before a full stop. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c > 127 && /\s/.test(String.fromCharCode(c));
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

export function normalizeToken(s: string): string {
  // fast path: plain ASCII
  let plain = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) { plain = false; break; }
  if (plain) return s.length === 5 && s.charCodeAt(2) === 32 ? s.replace(' ', '') : s;
  return s.replace(/[’‘ʼ`]/g, "'").replace(/[“”„«»]/g, '"').replace(/[—–‒―]/g, '--');
}

export function tokenize(text: string): Tokens {
  return tokenizeWith(text, true);
}

/** `fast`: take the ASCII fast paths (false only in the test that checks them against the regex). */
export function tokenizeWith(text: string, fast: boolean): Tokens {
  const norm: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const sentStart: boolean[] = [];
  let newSentence = true;
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number) => {
    // sentence boundary on a blank line, or a line break after a short (headline/dateline) line or a
    // line too long to be hard-wrapped prose (text with one paragraph or title per line)
    if (!newSentence && s > lastEnd + 0) {
      let nl = -1, nl2 = -1;
      for (let k = lastEnd; k < s; k++) if (text.charCodeAt(k) === 10) { if (nl < 0) nl = k; else { nl2 = k; break; } }
      if (nl >= 0) {
        if (nl2 >= 0) newSentence = true;
        else {
          const ls = text.lastIndexOf('\n', lastEnd - 1) + 1;
          if (lastEnd - ls < 60 || lastEnd - ls > UNWRAPPED_LINE) newSentence = true;
        }
      }
    }
    norm.push(normalizeToken(text.slice(s, e)));
    start.push(s);
    end.push(e);
    sentStart.push(newSentence);
    newSentence = false;
    lastEnd = e;
  };
  const len = text.length;
  let p = 0;
  for (;;) {
    // fast path (ASCII): whitespace, plain letter/digit runs, punctuation — same tokens as TOKEN_RE
    let c = text.charCodeAt(p);
    while (c === 32 || (c >= 9 && c <= 13)) c = text.charCodeAt(++p);
    if (p >= len) break;
    if (c < 128 && fast) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
        let q = p + 1;
        let d = text.charCodeAt(q);
        while ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57)) d = text.charCodeAt(++q);
        // a run that could continue ("al-Assad", "Putin's", "U.S.", "2,000", non-ASCII letters) takes the regex
        if (q >= len || (d < 128 && d !== 45 && d !== 39 && d !== 46 && d !== 44 && d !== 58)) {
          push(p, q);
          p = q;
          continue;
        }
        // A word before a comma, colon or full stop that no digit follows ends there (the regex's
        // number and dotted-acronym forms need a digit, or a single letter before the stop); an
        // abbreviation keeps its full stop. About one word in eight; the regex costs several times more.
        const after = text.charCodeAt(q + 1);
        if ((d === 44 || d === 58 || (d === 46 && q - p >= 2)) && after < 128 && !(after >= 48 && after <= 57)) {
          const e = d === 46 && ABBREV.has(text.slice(p, q)) ? q + 1 : q;
          push(p, e);
          p = e;
          continue;
        }
      } else if (!(c === 46 && isDigitCode(text.charCodeAt(p + 1)) && (p === 0 || isSpaceCode(text.charCodeAt(p - 1))))) { // (".769": the regex)
        const k = c === 46 && text.charCodeAt(p + 1) === 46 && text.charCodeAt(p + 2) === 46 ? 3 : c === 45 && text.charCodeAt(p + 1) === 45 ? 2 : c === 39 && isSpacedClitic(text, p) ? 2 : 1;
        push(p, p + k);
        if (c === 46 || c === 63 || c === 33) newSentence = true;
        p += k;
        continue;
      }
    }
    TOKEN_RE.lastIndex = p;
    m = TOKEN_RE.exec(text);
    if (m === null) break;
    match: {
      const s = m.index;
      let e = s + m[0].length;
      if (m[2] !== undefined) {
        const w = m[2];
        // possessive / clitic split
        const lw = w.length;
        if (lw > 2) {
          const c2 = w.charCodeAt(lw - 2);
          const c1 = w.charCodeAt(lw - 1);
          if ((c2 === 39 || c2 === 0x2019) && (c1 === 115 || c1 === 83)) {
            push(s, e - 2);
            push(e - 2, e);
            break match;
          }
          if (lw > 3 && (c2 === 39 || c2 === 0x2019) && c1 === 116 && (w.charCodeAt(lw - 3) === 110 || w.charCodeAt(lw - 3) === 78)) {
            push(s, e - 3);
            push(e - 3, e);
            break match;
          }
        }
        // abbreviation or initial keeps its period
        if (text.charCodeAt(e) === 46 && (ABBREV.has(w) || (w.length === 1 && isUpper(w.charCodeAt(0))))) {
          e += 1;
          TOKEN_RE.lastIndex = e;
        }
        push(s, e);
        break match;
      }
      if (m[3] !== undefined && (m[3] === "'" || m[3] === '’') && isSpacedClitic(text, s)) {
        push(s, s + 2);
        TOKEN_RE.lastIndex = s + 2;
        break match;
      }
      push(s, e);
      if (m[3] !== undefined) {
        const c = m[3];
        if (c === '.' || c === '?' || c === '!' || c === '...') {
          // sentence end unless followed by a lowercase word
          newSentence = true;
        }
      } else if (m[1] !== undefined && text.charCodeAt(e - 1) === 46) {
        // "U.S." may end a sentence: only if followed by whitespace + capital after a line end; leave as is
      }
    }
    p = TOKEN_RE.lastIndex;
  }
  return { norm, start, end, sentStart };
}

// Finds the attribution clause of a quote: after it ("…," Tillerson said / said Mr Putin /
// "…" — Tillerson / according to X) or before it (Alfano said: "…" / what he called "…").

import { PARTICIPLES, PRE_ONLY_VERBS, SPEECH_VERBS } from './lexicon';
import { RawSpan } from './marks';
import { Subject, subjectAfter, subjectBefore, Tok, tokenize } from './names';

const DASHES = new Set(['—', '–', '-', '―']);
const QUOTE_CHARS = new Set(['"', '“', '”', '„', '«', '»', "'", '‘', '’']);
const SENTENCE_END = new Set(['.', '!', '?', '…']);

/** A capitalised verb only counts in a title-case headline ("Putin Claims Chemical …"), not in "the United States". */
function isVerbAt(toks: Tok[], j: number, verbs: Set<string>, also?: Set<string>): boolean {
  const t = toks[j];
  if (!verbs.has(t.lower) && !(also && also.has(t.lower))) return false;
  if (!t.cap) return true;
  return !!toks[j - 1]?.cap && !!toks[j + 1]?.cap;
}

/** How far an attribution may sit from its quote, in characters; keeps the scan bounded. */
const AFTER_WINDOW = 160;
const BEFORE_WINDOW = 300;

function wordsUntilPunct(toks: Tok[], from: number): Tok[] {
  const out: Tok[] = [];
  for (let i = from; i < toks.length && toks[i].word && !toks[i].afterBreak; i++) out.push(toks[i]);
  return out;
}

export function attributionAfter(text: string, span: RawSpan): Subject | null {
  if (span.runsOn) return null;
  const toks = tokenize(text, span.markEnd, Math.min(span.paraEnd, span.markEnd + AFTER_WINDOW));
  let i = 0;
  for (; i < toks.length && !toks[i].word; i++) {
    const t = toks[i].text;
    if (DASHES.has(t)) {
      const subject = subjectAfter(wordsUntilPunct(toks, i + 1), text);
      return subject && subject.kind === 'name' ? subject : null;
    }
    if (QUOTE_CHARS.has(t) || SENTENCE_END.has(t)) return null;
  }
  if (i < toks.length && toks[i].lower === 'according' && toks[i + 1]?.lower === 'to') {
    return subjectAfter(wordsUntilPunct(toks, i + 2), text);
  }
  // The attribution may follow a trailing phrase: "…" in Mr Assad, whose reign is ending, Mr Tillerson said.
  for (let clauses = 0; clauses < 4 && i < toks.length; clauses++) {
    for (let j = i; j < toks.length && j - i < 9; j++) {
      const t = toks[j];
      if (!t.word) {
        if (t.text !== ',') return null; // the sentence ended without a speech verb
        i = j + 1;
        break;
      }
      if (isVerbAt(toks, j, SPEECH_VERBS)) {
        return j === i ? subjectAfter(wordsUntilPunct(toks, j + 1), text) : subjectBefore(toks.slice(i, j), text);
      }
      if (j - i === 8) return null;
    }
  }
  return null;
}

/** @param floor where the search may start: the paragraph start or the previous quote's end. */
export function attributionBefore(text: string, span: RawSpan, floor: number): Subject | null {
  const from = Math.max(floor, span.paraStart, span.markStart - BEFORE_WINDOW);
  const toks = tokenize(text, from, span.markStart);
  let s = toks.length;
  while (s > 0 && !SENTENCE_END.has(toks[s - 1].text)) s--;
  const clause = toks.slice(s);
  let words = 0;
  for (let j = clause.length - 1; j >= 0 && words < 18; j--) {
    const w = clause[j];
    if (!w.word) continue;
    words++;
    if (w.lower === 'to' && clause[j - 1]?.lower === 'according') {
      const subject = subjectAfter(wordsUntilPunct(clause, j + 1), text);
      if (subject) return subject;
      continue;
    }
    if (isVerbAt(clause, j, PARTICIPLES)) {
      // "Spicer defended the strike, saying: …": the sentence's subject speaks.
      let k = 0;
      while (k < clause.length && !clause[k].word) k++;
      const subject = subjectAfter(wordsUntilPunct(clause, k), text);
      if (subject) return subject;
      continue;
    }
    if (isVerbAt(clause, j, SPEECH_VERBS, PRE_ONLY_VERBS)) {
      let k = j;
      while (k > 0 && clause[k - 1].word && !clause[k - 1].afterBreak) k--;
      let words = clause.slice(k, j);
      // An appositive subject: "Putin's spokesman, Dmitry Peskov, said" / "Masato Ohtaka, who said".
      if ((words.length === 0 || (words.length === 1 && words[0].lower === 'who')) && clause[k - 1]?.text === ',') {
        let m = k - 1;
        while (m > 0 && clause[m - 1].word && !clause[m - 1].afterBreak) m--;
        words = clause.slice(m, k - 1);
      }
      const subject = subjectBefore(words, text);
      if (subject) return subject;
      // A longer appositive: "Doru Patrascu, director of the Authority (LDPA), called it …":
      // the sentence opens with its subject, up to the first comma.
      if (words.length === 0 && clause[k - 1]?.text === ',') {
        let first = 0;
        while (first < clause.length && !clause[first].word) first++;
        const opening = subjectAfter(wordsUntilPunct(clause, first), text);
        if (opening && opening.kind === 'name') return opening;
      }
      // "…, but warned": no subject of its own; an earlier verb may carry it.
    }
  }
  return null;
}

/** Does the gap between two spans read as nothing but an attribution clause? */
export function isAttributionGap(text: string, from: number, to: number): boolean {
  if (to - from > 220) return false;
  const toks = tokenize(text, from, to);
  let verb = false;
  let lastWord = -1;
  for (let i = 0; i < toks.length; i++) if (toks[i].word) lastWord = i;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.afterBreak) return false;
    if (t.word && (SPEECH_VERBS.has(t.lower) || PARTICIPLES.has(t.lower))) verb = true;
    // A sentence ending before the last word means a narrative sentence sits between the spans.
    if (!t.word && SENTENCE_END.has(t.text) && i < lastWord) return false;
    if (!t.word && QUOTE_CHARS.has(t.text)) return false;
  }
  return verb;
}

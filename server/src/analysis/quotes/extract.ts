// extractQuotes: marks -> spans -> utterances -> speakers. Pure and bounded: every step is a
// single pass or a fixed-size window around a quote.
// Marks pair per paragraph and clauses are read inside their paragraph, so for a new version of the
// last text (a keystroke) only the changed lines are read again (readByLine).

import { BlockMemo, lineEnds } from '../blocks';
import { attributionAfter, attributionBefore, isAttributionGap } from './attribution';
import { canonicalize } from './canonicalize';
import { isBlank, pairMarks, pairParagraph, ParagraphMarks, placeParagraph, RawSpan, reopensRunningQuote, startsWithDoubleOpener } from './marks';
import { Subject } from './names';
import { documentGenders, Gender, heuristicMentions, lastWord, Mention, mentionsFromPersons, pronounGender, resolveAntecedent } from './speakers';
import { PersonMention, Quote, Speaker } from './types';

export function extractQuotes(text: string, persons?: PersonMention[]): Quote[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const read = readByLine(text) ?? readWhole(text);
  const { spans, after, before } = read;
  if (!spans.length) return [];

  // Utterances: "A," he said. "B" and quotes running on across paragraphs are one statement.
  const utterance = new Array<number>(spans.length);
  const groups: number[][] = [];
  let last = -1;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (s.nested) {
      utterance[i] = groups.push([i]) - 1;
      continue;
    }
    if (last >= 0 && joins(text, spans[last], s, after[last], after[i])) {
      utterance[i] = utterance[last];
      groups[utterance[i]].push(i);
    } else {
      utterance[i] = groups.push([i]) - 1;
    }
    last = i;
  }

  let mentions: Mention[] | null = null;
  let genders: Map<string, Gender> | null = null;
  const resolve = (subject: Subject): Speaker | null => {
    if (subject.kind === 'unresolvable') return null;
    if (subject.kind === 'name') {
      // "The company said": a common noun names no one in particular.
      const kind = /^\p{Ll}/u.test(subject.name) ? 'role' : 'name';
      return { name: subject.name, start: subject.start, end: subject.end, kind };
    }
    mentions ??= antecedentCandidates(text, spans, after, before, persons);
    const want = subject.kind === 'pronoun' ? pronounGender(text.slice(subject.start, subject.end)) : undefined;
    if (want) genders ??= documentGenders(text, mentions);
    const antecedent = resolveAntecedent(mentions, subject.start, want, genders ?? undefined);
    if (antecedent) return { name: antecedent.name, start: subject.start, end: subject.end, kind: 'pronoun' };
    // An unresolved role ("the minister") still says something; an unresolved "he" does not.
    return subject.kind === 'role' ? { name: subject.name, start: subject.start, end: subject.end, kind: 'role' } : null;
  };

  const speakers: Array<Speaker | null> = groups.map((members) => {
    if (spans[members[0]].nested) return null;
    for (const i of members) if (after[i]) return resolve(after[i]!);
    for (const i of members) if (before[i]) return resolve(before[i]!);
    return null;
  });

  return spans.map((s, i) => {
    const inner = text.slice(s.start, s.end);
    const { canonical, tokens } = read.forms?.[i] ?? canonicalize(inner);
    const speaker = speakers[utterance[i]];
    return {
      start: s.start,
      end: s.end,
      markStart: s.markStart,
      markEnd: s.markEnd,
      text: inner,
      canonical,
      tokens,
      utterance: utterance[i],
      speaker: speaker ? { ...speaker } : null,
    };
  });
}

/** Spans and their attribution clauses (a nested quote is the speaker quoting someone else: none). */
interface SpanReading {
  spans: RawSpan[];
  after: Array<Subject | null>;
  before: Array<Subject | null>;
  /** Canonical forms by span, when already known. */
  forms?: Array<{ canonical: string; tokens: string[] }>;
}

function readWhole(text: string): SpanReading {
  const spans = pairMarks(text);
  return { spans, after: spans.map((s) => (s.nested ? null : attributionAfter(text, s))), before: attributionsBefore(text, spans) };
}

function attributionsBefore(text: string, spans: RawSpan[]): Array<Subject | null> {
  return spans.map((s, i) => {
    if (s.nested) return null;
    const prev = previousTopLevel(spans, i);
    const floor = prev >= 0 && spans[prev].para === s.para ? spans[prev].markEnd : s.paraStart;
    return attributionBefore(text, s, floor);
  });
}

/**
 * What a line says by itself: marks are paired per paragraph (a line), and attribution clauses are
 * read only inside their paragraph, so a line's spans, clauses and canonical forms are its own.
 * Offsets are the line's. `all` holds the spans with the run-on one (if any) in place.
 */
interface LineQuotes {
  marks: ParagraphMarks | null;
  all: RawSpan[];
  after: Array<Subject | null>;
  before: Array<Subject | null>;
  forms: Array<{ canonical: string; tokens: string[] }>;
  /** The line opens with a double quote: it reopens a quote the previous paragraph left running. */
  reopens: boolean;
}

const BLANK_LINE: LineQuotes = { marks: null, all: [], after: [], before: [], forms: [], reopens: false };

function readLine(line: string): LineQuotes {
  const pe = line.endsWith('\n') ? line.length - 1 : line.length;
  if (isBlank(line, 0, pe)) return BLANK_LINE;
  const marks = pairParagraph(line, 0, pe);
  const all = placeParagraph(marks, 0, false, true, []);
  return {
    marks,
    all,
    after: all.map((s) => (s.nested ? null : attributionAfter(line, s))),
    before: attributionsBefore(line, all),
    forms: all.map((s) => canonicalize(line.slice(s.start, s.end))),
    reopens: startsWithDoubleOpener(line, 0, pe),
  };
}

/** Lines of the last text read, for a new version of it (a keystroke re-reads the changed line). */
const lineQuotes = new BlockMemo<LineQuotes>(readLine, lineEnds);

/**
 * readWhole for a new version of the last text, line by line, reusing the lines that did not change;
 * undefined for any other text, and for texts broken by anything but \n (paragraphs differ from lines).
 */
function readByLine(text: string): SpanReading | undefined {
  if (text.indexOf('\r') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) return undefined;
  const lines = lineQuotes.blocks(text);
  if (!lines) return undefined;
  const out: SpanReading = { spans: [], after: [], before: [], forms: [] };
  let runningIn = false;
  let para = 0;
  for (let k = 0; k < lines.length; k++) {
    const { value: line, offset } = lines[k];
    if (!line.marks) continue;
    let next = k + 1;
    while (next < lines.length && !lines[next].value.marks) next++;
    const runsOn = line.marks.leftOpen && next < lines.length && lines[next].value.reopens;
    for (let i = 0; i < line.all.length; i++) {
      const s = line.all[i];
      if (s.runsOn && !runsOn) continue; // the open quote is a span only when the next paragraph reopens it
      out.spans.push({
        ...s,
        markStart: s.markStart + offset, start: s.start + offset, end: s.end + offset, markEnd: s.markEnd + offset,
        paraStart: s.paraStart + offset, paraEnd: s.paraEnd + offset,
        para, continued: reopensRunningQuote(line.marks, s, runningIn),
      });
      out.after.push(shifted(line.after[i], offset));
      out.before.push(shifted(line.before[i], offset));
      out.forms!.push(line.forms[i]);
    }
    para++;
    runningIn = runsOn;
  }
  return out;
}

function shifted(subject: Subject | null, offset: number): Subject | null {
  return subject && { ...subject, start: subject.start + offset, end: subject.end + offset };
}

function previousTopLevel(spans: RawSpan[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (!spans[k].nested) return k;
  return -1;
}

function joins(text: string, a: RawSpan, b: RawSpan, afterA: Subject | null, afterB: Subject | null): boolean {
  if (a.runsOn) return b.continued;
  if (a.para !== b.para || !afterA) return false;
  // "A," Tillerson said. "B," Lavrov replied: two speakers, two utterances.
  if (afterB && afterA.kind === 'name' && afterB.kind === 'name' && lastWord(afterA.name) !== lastWord(afterB.name)) return false;
  return isAttributionGap(text, a.markEnd, b.markStart);
}

function antecedentCandidates(
  text: string,
  spans: RawSpan[],
  after: Array<Subject | null>,
  before: Array<Subject | null>,
  persons: PersonMention[] | undefined,
): Mention[] {
  const base = persons && persons.length ? mentionsFromPersons(text, persons) : heuristicMentions(text);
  // Named speakers of quotes are the likeliest antecedents of a later "he said".
  const named: Mention[] = [];
  for (const s of [...after, ...before]) {
    if (s && s.kind === 'name') named.push({ start: s.start, end: s.end, name: s.name, salient: true });
  }
  const all = base.concat(named).sort((a, b) => a.start - b.start || a.end - b.end);
  // Drop mentions inside quotes (the speaker's words are not the narrative) and duplicates.
  const out: Mention[] = [];
  let k = 0;
  for (const m of all) {
    while (k < spans.length && spans[k].markEnd <= m.start) k++;
    let inside = false;
    for (let q = k; q < spans.length && spans[q].markStart < m.end; q++) {
      if (spans[q].markStart <= m.start && m.end <= spans[q].markEnd) inside = true;
    }
    if (inside) continue;
    const prev = out[out.length - 1];
    if (prev && prev.start === m.start && prev.end === m.end) {
      prev.salient ||= m.salient;
      continue;
    }
    out.push(m);
  }
  return out;
}

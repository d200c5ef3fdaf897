// extractQuotes: marks -> spans -> utterances -> speakers. Pure and bounded: every step is a
// single pass or a fixed-size window around a quote.

import { attributionAfter, attributionBefore, isAttributionGap } from './attribution';
import { canonicalize } from './canonicalize';
import { pairMarks, RawSpan } from './marks';
import { Subject } from './names';
import { documentGenders, Gender, heuristicMentions, lastWord, Mention, mentionsFromPersons, pronounGender, resolveAntecedent } from './speakers';
import { PersonMention, Quote, Speaker } from './types';

export function extractQuotes(text: string, persons?: PersonMention[]): Quote[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const spans = pairMarks(text);
  if (!spans.length) return [];

  // Attribution clauses, per top-level span. A nested quote is the speaker quoting someone else.
  const after: Array<Subject | null> = spans.map((s) => (s.nested ? null : attributionAfter(text, s)));
  const before: Array<Subject | null> = spans.map((s, i) => {
    if (s.nested) return null;
    const prev = previousTopLevel(spans, i);
    const floor = prev >= 0 && spans[prev].para === s.para ? spans[prev].markEnd : s.paraStart;
    return attributionBefore(text, s, floor);
  });

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
    const { canonical, tokens } = canonicalize(inner);
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

// Problems that only the whole corpus can see: lines repeated across articles (boilerplate)
// and one entity spelled several ways (inconsistent-name). Computed for one file on demand,
// from the cross-file indexes, with the same rule levels as per-document problems.
import type { Problem, Severity } from '../analysis/types';
import type { Entity } from '../analysis/entities';
import type { CorpusIndexes } from './corpusIndexes';
import type { FileAnalysis } from './fileAnalysis';
import type { Settings } from './settings';

export const inconsistentNameRule = 'inconsistent-name';
export const boilerplateRule = 'boilerplate';

/**
 * Per file version, what was computed and against which state of the indexes: open documents are
 * re-checked every few hundred milliseconds while someone types elsewhere, and most of the time
 * nothing they depend on has changed.
 */
const computed = new WeakMap<FileAnalysis, { boilerplate: number; entities: number; settings: Settings; problems: Problem[] }>();

export function corpusProblems(indexes: CorpusIndexes, file: FileAnalysis, settings: Settings): Problem[] {
  if (file.skippedBecause) return [];
  const entities = indexes.entities.version;
  const boilerplate = indexes.boilerplate.version;
  const known = computed.get(file);
  if (known && known.entities === entities && known.boilerplate === boilerplate && known.settings === settings) return known.problems;
  const problems = computeCorpusProblems(indexes, file, settings);
  // Only documents with their text (the open ones) are re-checked while typing; keeping results for
  // every disk file would cost memory across a large corpus for nothing.
  if (file.hasText) computed.set(file, { boilerplate, entities, settings, problems });
  return problems;
}

function computeCorpusProblems(indexes: CorpusIndexes, file: FileAnalysis, settings: Settings): Problem[] {
  const problems: Problem[] = [];
  const level = (rule: string, fallback: Severity): Severity | undefined => {
    const set = settings.rules[rule];
    return set === 'off' ? undefined : ((set as Severity | undefined) ?? fallback);
  };
  const boilerplateLevel = level(boilerplateRule, 'information');
  if (boilerplateLevel && file.hasText) {
    for (const problem of indexes.boilerplate.problemsFor(file.uri, file.text)) problems.push({ ...problem, severity: boilerplateLevel });
  }
  const nameLevel = level(inconsistentNameRule, 'information');
  if (nameLevel) problems.push(...inconsistentNames(indexes, file, nameLevel));
  return problems.sort((a, b) => a.start - b.start);
}

/** Mentions written in a less common spelling of their entity, with a fix per alternative. */
function inconsistentNames(indexes: CorpusIndexes, file: FileAnalysis, severity: Severity): Problem[] {
  const problems: Problem[] = [];
  const spellingsOf = new Map<Entity, Entity['spellings']>(); // an article names most entities many times
  for (const mention of file.mentions()) {
    const entity = indexes.entities.entityAt(file.uri, mention.start);
    if (!entity) continue;
    let spellings = spellingsOf.get(entity);
    if (!spellings) spellingsOf.set(entity, (spellings = realSpellings(entity)));
    if (spellings.length < 2) continue;
    const text = file.hasText ? file.text.slice(mention.start, mention.end) : mention.text;
    const spelling = spellings.find((s) => s.text === text);
    if (!spelling || spelling === spellings[0]) continue; // the usual spelling is not a problem
    const others = spellings.filter((s) => s !== spelling);
    problems.push({
      rule: inconsistentNameRule,
      start: mention.start,
      end: mention.end,
      severity,
      message: `${describe(entity)} is spelled ${spellings.length} ways in the corpus: ${spellings.map((s) => `\`${s.text}\` (${s.count})`).join(', ')}.`,
      fixes: others.map((other, i) => ({
        title: `Write \`${other.text}\` here`,
        edits: [{ start: mention.start, end: mention.end, newText: other.text }],
        preferred: i === 0,
      })),
    });
  }
  return problems;
}

/**
 * The entity's spellings, most frequent first, without ALL-CAPS forms that only repeat
 * another spelling in capitals (datelines and headlines: "RUSE" for "Ruse").
 */
export function realSpellings(entity: Entity): Entity['spellings'] {
  const upper = new Set(entity.spellings.filter((s) => s.text !== s.text.toUpperCase()).map((s) => s.text.toUpperCase()));
  return entity.spellings.filter((s) => s.text !== s.text.toUpperCase() || !upper.has(s.text));
}

function describe(entity: Entity): string {
  const type = entity.type === 'person' ? 'This person' : entity.type === 'organization' ? 'This organisation' : entity.type === 'place' ? 'This place' : 'This name';
  return `${type} (${entity.name})`;
}

/** Every mention of the entity written as one of its spellings, across the corpus. */
export function spellingMentions(entity: Entity): Entity['mentions'] {
  const spellings = new Set(realSpellings(entity).map((s) => s.text));
  return entity.mentions.filter((m) => spellings.has(m.text));
}

import type { CorpusIndexes } from './corpusIndexes';

/**
 * A quote's speaker as the entity layer names them: "Tillerson" → "Rex Tillerson" when the
 * corpus has that person, preferring one mentioned in the same file; else the name as printed.
 */
export function canonicalSpeaker(indexes: CorpusIndexes, uri: string, name: string, offset?: number): string {
  if (offset !== undefined) {
    const here = indexes.entities.entityAt(uri, offset);
    if (here?.type === 'person') return here.name;
  }
  const lower = name.toLowerCase();
  const candidates = indexes.entities
    .find(name)
    .filter((e) => e.type === 'person' && (e.name.toLowerCase() === lower || e.aliases.some((a) => a.text.toLowerCase() === lower || a.text.toLowerCase().endsWith(` ${lower}`))));
  if (candidates.length === 0) return name;
  const inFile = candidates.find((e) => e.mentions.some((m) => m.file === uri));
  return (inFile ?? candidates[0]).name;
}

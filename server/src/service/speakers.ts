import type { Entity } from '../analysis/entities';
import type { CorpusIndexes } from './corpusIndexes';

/** Lower-cased name, alias or surname → the people it may refer to; rebuilt when the entity list changes. */
const lookups = new WeakMap<readonly Entity[], Map<string, Entity[]>>();

function peopleByName(indexes: CorpusIndexes): Map<string, Entity[]> {
  const entities = indexes.entities.entities();
  let lookup = lookups.get(entities);
  if (lookup) return lookup;
  lookup = new Map();
  const add = (key: string, entity: Entity) => {
    const list = lookup!.get(key);
    if (!list) lookup!.set(key, [entity]);
    else if (!list.includes(entity)) list.push(entity);
  };
  for (const entity of entities) {
    if (entity.type !== 'person') continue;
    for (const text of [entity.name, ...entity.aliases.map((a) => a.text)]) {
      const lower = text.toLowerCase();
      add(lower, entity);
      const surname = lower.slice(lower.lastIndexOf(' ') + 1);
      if (surname !== lower) add(surname, entity);
    }
  }
  lookups.set(entities, lookup);
  return lookup;
}

/**
 * A quote's speaker as the entity layer names them: "Tillerson" → "Rex Tillerson" when the
 * corpus has that person, preferring one mentioned in the same file; else the name as printed.
 */
export function canonicalSpeaker(indexes: CorpusIndexes, uri: string, name: string, offset?: number): string {
  if (offset !== undefined) {
    const here = indexes.entities.entityAt(uri, offset);
    if (here?.type === 'person') return here.name;
  }
  const candidates = peopleByName(indexes).get(name.toLowerCase());
  if (!candidates || candidates.length === 0) return name;
  const inFile = candidates.find((e) => indexes.entities.mentionedIn(e, uri));
  if (inFile) return inFile.name;
  // Two different people share the surname and neither is in this file: don't guess.
  return candidates.length === 1 ? candidates[0].name : name;
}

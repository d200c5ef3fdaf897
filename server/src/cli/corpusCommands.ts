// `copydesk quotes` and `copydesk entities`: the corpus-wide listings as text or JSON.
import { CorpusIndexes, type CorpusIndexOptions } from '../service/corpusIndexes';
import { entityReports, quoteFamilyReports } from '../service/corpusReports';
import { canonicalSpeaker } from '../service/speakers';
import type { LoadedCorpus } from './loadCorpus';

/** The indexes a report needs: entity reports read no quotation, and neither report repeated lines. */
function indexed(loaded: LoadedCorpus, options: CorpusIndexOptions): CorpusIndexes {
  const indexes = new CorpusIndexes(options);
  loaded.corpus.observe(indexes);
  return indexes;
}

export function runQuotesCommand(loaded: LoadedCorpus, format: string): number {
  const indexes = indexed(loaded, { boilerplate: false });
  const shown = (uri: string) => loaded.displayPath.get(uri) ?? uri;
  const families = quoteFamilyReports(loaded.corpus, indexes, (uri, name) => canonicalSpeaker(indexes, uri, name));
  if (format === 'json') {
    const json = {
      families: families.map((f) => ({
        id: f.id,
        canonical: f.canonical,
        speaker: f.speaker,
        members: f.members.map((m) => ({ file: shown(m.uri), range: m.range, text: m.text, speaker: m.speaker })),
      })),
    };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return 0;
  }
  const out: string[] = [];
  for (const f of families) {
    const files = new Set(f.members.map((m) => m.uri)).size;
    out.push(`“${f.members.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text}”`);
    out.push(`  ${f.speaker ?? 'speaker unknown'} · ${files} articles`);
    for (const m of f.members) out.push(`  ${shown(m.uri)}:${m.range.start.line + 1}:${m.range.start.character + 1}  “${m.text}”`);
    out.push('');
  }
  out.push(`${families.length} quote ${families.length === 1 ? 'family' : 'families'} shared by two or more articles.`);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

export function runEntitiesCommand(loaded: LoadedCorpus, format: string): number {
  const indexes = indexed(loaded, { quotes: false, boilerplate: false });
  const shown = (uri: string) => loaded.displayPath.get(uri) ?? uri;
  const entities = entityReports(loaded.corpus, indexes);
  if (format === 'json') {
    const json = {
      entities: entities.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        role: e.role,
        aliases: e.aliases.map((a) => a.text),
        mentions: e.mentions.map((m) => ({ file: shown(m.uri), range: m.range, text: m.text })),
      })),
    };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return 0;
  }
  const out: string[] = [];
  for (const e of entities) {
    const files = new Set(e.mentions.map((m) => m.uri)).size;
    const aliases = e.aliases.filter((a) => a.text !== e.name).map((a) => `${a.text} (${a.count})`);
    out.push(`${e.name} · ${e.type}${e.role ? ` · ${e.role}` : ''} · ${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'} in ${files} article${files === 1 ? '' : 's'}${aliases.length ? ` · also ${aliases.join(', ')}` : ''}`);
  }
  out.push(`${entities.length} entities.`);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

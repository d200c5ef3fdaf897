// Whole-corpus listings of quote families and entities, shared by the CLI (`copydesk quotes`,
// `copydesk entities`) and the editor's corpus panel, with ranges as LSP positions.
import type { Range } from 'vscode-languageserver';
import type { Corpus } from './corpus';
import type { CorpusIndexes } from './corpusIndexes';
import { toRange } from './convert';

export interface FamilyReport {
  id: string;
  canonical: string;
  speaker: string | null;
  members: Array<{ uri: string; range: Range; text: string; speaker: string | null }>;
}

export interface EntityReport {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'place' | 'other';
  role: string | null;
  aliases: Array<{ text: string; count: number }>;
  spellings: Array<{ text: string; count: number }>;
  mentions: Array<{ uri: string; range: Range; text: string }>;
}

/** Families printed by at least two files, largest first. */
export function quoteFamilyReports(corpus: Corpus, indexes: CorpusIndexes, speakerName: (uri: string, name: string) => string = (_u, n) => n): FamilyReport[] {
  const reports: FamilyReport[] = [];
  for (const family of indexes.quotes.families(2)) {
    const members: FamilyReport['members'] = [];
    for (const m of family.members) {
      const file = corpus.get(m.file);
      if (!file) continue;
      members.push({ uri: m.file, range: toRange(file, m.start, m.end), text: m.text, speaker: m.speaker ? speakerName(m.file, m.speaker) : null });
    }
    const speaker = family.speaker ? speakerName(family.members[0].file, family.speaker) : null;
    reports.push({ id: family.id, canonical: family.canonical, speaker, members });
  }
  const files = (r: FamilyReport) => new Set(r.members.map((m) => m.uri)).size;
  return reports.sort((a, b) => files(b) - files(a) || b.members.length - a.members.length || a.canonical.localeCompare(b.canonical));
}

/** Every entity, most mentioned first. */
export function entityReports(corpus: Corpus, indexes: CorpusIndexes): EntityReport[] {
  const reports: EntityReport[] = [];
  for (const entity of indexes.entities.entities()) {
    const mentions: EntityReport['mentions'] = [];
    for (const m of entity.mentions) {
      const file = corpus.get(m.file);
      if (file) mentions.push({ uri: m.file, range: toRange(file, m.start, m.end), text: m.text });
    }
    reports.push({ id: entity.id, name: entity.name, type: entity.type, role: entity.role, aliases: entity.aliases, spellings: entity.spellings, mentions });
  }
  return reports.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

// Whole-corpus listings of quote families and entities, shared by the CLI (`copydesk quotes`,
// `copydesk entities`) and the editor's corpus panel, with ranges as LSP positions.
import type { Range } from 'vscode-languageserver';
import type { Corpus } from './corpus';
import type { CorpusIndexes } from './corpusIndexes';
import { toRange } from './convert';
import type { QuoteFamily } from '../analysis/quotes';

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

type SpeakerName = (uri: string, name: string) => string;

/** Families printed by at least two files, largest first. */
export function quoteFamilyReports(corpus: Corpus, indexes: CorpusIndexes, speakerName: SpeakerName = (_u, n) => n): FamilyReport[] {
  const reports = indexes.quotes.families(2).map((family) => familyReport(corpus, family, speakerName));
  const files = (r: FamilyReport) => new Set(r.members.map((m) => m.uri)).size;
  return reports.sort((a, b) => files(b) - files(a) || b.members.length - a.members.length || a.canonical.localeCompare(b.canonical));
}

function familyReport(corpus: Corpus, family: QuoteFamily, speakerName: SpeakerName): FamilyReport {
  const members: FamilyReport['members'] = [];
  for (const m of family.members) {
    const file = corpus.get(m.file);
    if (!file) continue;
    members.push({ uri: m.file, range: toRange(file, m.start, m.end), text: m.text, speaker: m.speaker ? speakerName(m.file, m.speaker) : null });
  }
  const speaker = family.speaker ? speakerName(family.members[0].file, family.speaker) : null;
  return { id: family.id, canonical: family.canonical, speaker, members };
}

export interface FamilyPanelReport {
  id: string;
  /** The fullest printing. */
  text: string;
  speaker: string | null;
  outlets: number;
  members: number;
}

/**
 * The corpus panel's list of quote families, without their members (asked per family when the panel
 * expands it, familyMemberReport): with every member's text and range it was 12 MB at 10,000 articles.
 */
export function familyPanelReports(indexes: CorpusIndexes, speakerName: SpeakerName = (_u, n) => n): FamilyPanelReport[] {
  const out = indexes.quotes.families(2).map((family) => ({
    id: family.id,
    text: family.members.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text,
    speaker: family.speaker ? speakerName(family.members[0].file, family.speaker) : null,
    outlets: new Set(family.members.map((m) => m.file)).size,
    members: family.members.length,
    canonical: family.canonical,
  }));
  out.sort((a, b) => b.outlets - a.outlets || b.members - a.members || a.canonical.localeCompare(b.canonical));
  return out.map(({ canonical: _canonical, ...report }) => report);
}

/** The members of one quote family (by id), as the full report has them. */
export function familyMemberReport(corpus: Corpus, indexes: CorpusIndexes, id: string, speakerName: SpeakerName = (_u, n) => n): FamilyReport['members'] {
  const family = indexes.quotes.families(2).find((f) => f.id === id);
  return family ? familyReport(corpus, family, speakerName).members : [];
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

export interface EntityPanelReport {
  id: string;
  name: string;
  type: EntityReport['type'];
  role: string | null;
  mentions: number;
  /** Distinct files that mention the entity. */
  fileCount: number;
}

/**
 * The corpus panel's list: the `limit` most mentioned entities with their mention and file counts.
 * Which files, with how many mentions, is asked per entity when the panel expands it
 * (entityFileReport): sending every entity's files at once was 44 MB at 10,000 articles.
 */
export function entityPanelReports(indexes: CorpusIndexes, limit: number): EntityPanelReport[] {
  const out: EntityPanelReport[] = [];
  for (const entity of indexes.entities.entities()) {
    if (out.length >= limit) break;
    out.push({ id: entity.id, name: entity.name, type: entity.type, role: entity.role, mentions: entity.mentionCount, fileCount: entity.fileCount });
  }
  return out;
}

/** The files that mention one entity, most mentions first, each with its first mention's range. */
export function entityFileReport(corpus: Corpus, indexes: CorpusIndexes, id: string): Array<{ uri: string; range: Range; count: number }> {
  const entity = indexes.entities.entityById(id);
  if (!entity) return [];
  const perFile = new Map<string, { uri: string; start: number; end: number; count: number }>();
  for (const m of entity.mentions) {
    const entry = perFile.get(m.file);
    if (entry) entry.count++;
    else perFile.set(m.file, { uri: m.file, start: m.start, end: m.end, count: 1 });
  }
  const files: Array<{ uri: string; range: Range; count: number }> = [];
  for (const f of perFile.values()) {
    const file = corpus.get(f.uri);
    if (file) files.push({ uri: f.uri, range: toRange(file, f.start, f.end), count: f.count });
  }
  return files.sort((a, b) => b.count - a.count);
}

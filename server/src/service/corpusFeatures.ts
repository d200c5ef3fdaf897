// Cross-file features over the quote and entity indexes: hover, references, definition,
// highlights, symbols and code lenses, as plain LSP-shaped values.
import type {
  CodeLens, DocumentHighlight, DocumentSymbol, Hover, Location, Position, Range, SymbolInformation, TextDocumentEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import { realSpellings } from './corpusProblems';
import { diffWords, type QuoteFamily } from '../analysis/quotes';
import type { Entity } from '../analysis/entities';
import type { Corpus } from './corpus';
import { CorpusIndexes } from './corpusIndexes';
import { toRange } from './convert';
import { canonicalSpeaker } from './speakers';
import type { FileAnalysis } from './fileAnalysis';

/** The semantic token legend; package.json declares these types and their scopes. */
export const entityTokenTypes = ['person', 'organization', 'place'] as const;

const symbolKind = { String: 15, Class: 5, Variable: 13, Module: 2, Namespace: 3 } as const;
const maxHoverVersions = 8;

export class CorpusFeatures {
  readonly indexes = new CorpusIndexes();

  constructor(private readonly corpus: Corpus) {
    corpus.observe(this.indexes);
  }

  // --- what is under the cursor -------------------------------------------------------

  private at(uri: string, position: Position): { file: FileAnalysis; offset: number } | undefined {
    const file = this.corpus.get(uri);
    if (!file) return undefined;
    return { file, offset: file.lines.offsetAt(position) };
  }

  private entityAt(uri: string, position: Position): Entity | undefined {
    const here = this.at(uri, position);
    return here ? this.indexes.entities.entityAt(uri, here.offset) : undefined;
  }

  private familyAt(uri: string, position: Position): { family?: QuoteFamily; quote: number; file: FileAnalysis } | undefined {
    const here = this.at(uri, position);
    if (!here) return undefined;
    const quote = here.file.quoteAt(here.offset);
    if (quote < 0) return undefined;
    return { family: this.quoteFamily(here.file, quote), quote, file: here.file };
  }

  /** The copies of one quotation (QuoteIndex.copiesOf); undefined when no other article prints it. */
  private quoteFamily(file: FileAnalysis, quote: number): QuoteFamily | undefined {
    return this.indexes.quotes.copiesOf(file.uri, quote);
  }

  // --- features --------------------------------------------------------------------------

  hover(uri: string, position: Position): Hover | null {
    const sections: string[] = [];
    const entity = this.entityAt(uri, position);
    if (entity) sections.push(this.entityHover(entity, uri));
    const quoted = this.familyAt(uri, position);
    if (quoted) sections.push(this.quoteHover(uri, quoted.quote, quoted.family));
    if (sections.length === 0) return null;
    return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
  }

  references(uri: string, position: Position, includeDeclaration: boolean): Location[] {
    const quoted = this.familyAt(uri, position);
    if (quoted?.family) {
      return quoted.family.members
        .filter((m) => includeDeclaration || !(m.file === uri && m.quote === quoted.quote))
        .map((m) => this.location(m.file, m.start, m.end))
        .filter((l): l is Location => l !== undefined);
    }
    const entity = this.entityAt(uri, position);
    if (entity) {
      const here = this.at(uri, position)!.offset;
      return entity.mentions
        .filter((m) => includeDeclaration || !(m.file === uri && m.start <= here && here <= m.end))
        .map((m) => this.location(m.file, m.start, m.end))
        .filter((l): l is Location => l !== undefined);
    }
    return [];
  }

  definition(uri: string, position: Position): Location | null {
    const quoted = this.familyAt(uri, position);
    if (quoted?.family) {
      // The most complete version: the longest member's text.
      const fullest = [...quoted.family.members].sort((a, b) => b.text.length - a.text.length)[0];
      return this.location(fullest.file, fullest.start, fullest.end) ?? null;
    }
    const entity = this.entityAt(uri, position);
    if (entity) return this.location(entity.first.file, entity.first.start, entity.first.end) ?? null;
    return null;
  }

  highlights(uri: string, position: Position): DocumentHighlight[] {
    const file = this.corpus.get(uri);
    if (!file) return [];
    const quoted = this.familyAt(uri, position);
    if (quoted) {
      const utterance = file.quotes()[quoted.quote].utterance;
      return file.quotes()
        .filter((q) => q.utterance === utterance)
        .map((q) => ({ range: toRange(file, q.start, q.end), kind: 1 }));
    }
    const entity = this.entityAt(uri, position);
    if (entity) {
      return entity.mentions.filter((m) => m.file === uri).map((m) => ({ range: toRange(file, m.start, m.end), kind: 1 }));
    }
    return [];
  }

  documentSymbols(uri: string): DocumentSymbol[] {
    const file = this.corpus.get(uri);
    if (!file) return [];
    return file.quotes().map((q, i) => {
      const family = this.quoteFamily(file, i);
      const others = family ? new Set(family.members.map((m) => m.file).filter((f) => f !== uri)).size : 0;
      const detail = [q.speaker ? this.speakerName(uri, q.speaker) : undefined, others ? `in ${others} other article${others === 1 ? '' : 's'}` : undefined]
        .filter(Boolean)
        .join(' · ');
      return {
        name: `“${truncate(q.text, 60)}”`,
        detail,
        kind: symbolKind.String,
        range: toRange(file, q.markStart, q.markEnd),
        selectionRange: toRange(file, q.start, q.end),
      };
    });
  }

  workspaceSymbols(query: string): SymbolInformation[] {
    const entities = query.trim() ? this.indexes.entities.find(query) : this.indexes.entities.entities();
    const symbols: SymbolInformation[] = [];
    for (const entity of entities.slice(0, 500)) {
      const location = this.location(entity.first.file, entity.first.start, entity.first.end);
      if (!location) continue;
      symbols.push({
        name: entity.name,
        kind: entity.type === 'person' ? symbolKind.Variable : entity.type === 'organization' ? symbolKind.Class : symbolKind.Namespace,
        location,
        containerName: [entity.type, entity.role].filter(Boolean).join(' · '),
      });
    }
    return symbols;
  }

  codeLenses(uri: string): CodeLens[] {
    const file = this.corpus.get(uri);
    if (!file) return [];
    const lenses: CodeLens[] = [];
    const quotes = file.quotes();
    const utterances = new Map<number, Set<number>>();
    quotes.forEach((q, i) => {
      const own = utterances.get(q.utterance);
      if (own) own.add(i);
      else utterances.set(q.utterance, new Set([i]));
    });
    for (const own of utterances.values()) {
      // One lens per utterance: the copies of each of its quotations elsewhere.
      const q = quotes[own.values().next().value as number];
      const members = new Map<string, { file: string; start: number; end: number }>();
      for (const j of own) {
        for (const m of this.quoteFamily(file, j)?.members ?? []) {
          if (m.file === uri && own.has(m.quote)) continue;
          members.set(`${m.file}#${m.quote}`, m);
        }
      }
      const otherFiles = new Set([...members.values()].map((m) => m.file).filter((f) => f !== uri));
      if (otherFiles.size === 0) continue;
      const range = toRange(file, q.markStart, q.markStart);
      const locations = [...members.values()]
        .map((m) => this.location(m.file, m.start, m.end))
        .filter((l): l is Location => l !== undefined);
      lenses.push({
        range,
        command: {
          title: `quoted in ${otherFiles.size} other article${otherFiles.size === 1 ? '' : 's'}`,
          command: 'copydesk.showReferences',
          arguments: [uri, range.start, locations],
        },
      });
    }
    return lenses;
  }

  /** The name under the cursor, if it can be renamed (a recognised entity mention). */
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null {
    const here = this.at(uri, position);
    const entity = this.entityAt(uri, position);
    if (!here || !entity) return null;
    const mention = entity.mentions.find((m) => m.file === uri && m.start <= here.offset && here.offset <= m.end);
    return mention ? { range: toRange(here.file, mention.start, mention.end), placeholder: mention.text } : null;
  }

  /**
   * Renames an entity across the corpus: every mention written like the one under the
   * cursor, or, when that is one of the entity's spellings, every mention in any spelling.
   */
  rename(uri: string, position: Position, newName: string, versioned: boolean): WorkspaceEdit | null {
    const here = this.at(uri, position);
    const entity = this.entityAt(uri, position);
    if (!here || !entity) return null;
    const mention = entity.mentions.find((m) => m.file === uri && m.start <= here.offset && here.offset <= m.end);
    if (!mention) return null;
    const spellings = new Set(realSpellings(entity).map((s) => s.text));
    const forms = spellings.has(mention.text) ? spellings : new Set([mention.text]);
    const byFile = new Map<string, Array<{ range: Range; newText: string }>>();
    for (const m of entity.mentions) { // (built on each read: read once)
      if (!forms.has(m.text)) continue;
      const file = this.corpus.get(m.file);
      if (!file) continue;
      const list = byFile.get(m.file) ?? [];
      list.push({ range: toRange(file, m.start, m.end), newText: newName });
      byFile.set(m.file, list);
    }
    if (!versioned) return { changes: Object.fromEntries(byFile) };
    const documentChanges: TextDocumentEdit[] = [...byFile].map(([file, edits]) => {
      const analysis = this.corpus.get(file);
      const version = analysis && this.corpus.isOpen(file) && typeof analysis.version === 'number' ? analysis.version : null;
      return { textDocument: { uri: file, version }, edits };
    });
    return { documentChanges };
  }

  /** Semantic tokens for named entities: person, organization, place (see `tokenTypes`). */
  semanticTokens(uri: string): { data: number[] } {
    const file = this.corpus.get(uri);
    if (!file || !this.corpus.settings.semanticHighlighting) return { data: [] };
    const data: number[] = [];
    let lastLine = 0;
    let lastChar = 0;
    let lastEnd = -1;
    for (const m of file.mentions()) {
      const type = entityTokenTypes.indexOf(m.type);
      if (type < 0 || m.start < lastEnd) continue;
      const start = file.lines.positionAt(m.start);
      const end = file.lines.positionAt(m.end);
      if (end.line !== start.line || end.character <= start.character) continue; // tokens cannot span lines
      data.push(start.line - lastLine, start.line === lastLine ? start.character - lastChar : start.character, end.character - start.character, type, 0);
      lastLine = start.line;
      lastChar = start.character;
      lastEnd = m.end;
    }
    return { data };
  }

  // --- hover text ------------------------------------------------------------------------

  private entityHover(entity: Entity, uri: string): string {
    const lines: string[] = [];
    lines.push(`**${md(entity.name)}** · ${entity.type}${entity.role ? ` · ${md(entity.role)}` : ''}`);
    const spellings = entity.aliases.filter((a) => a.text !== entity.name || entity.aliases.length > 1);
    if (spellings.length > 0) {
      lines.push(`Written: ${spellings.slice(0, 8).map((a) => `${md(a.text)} (${a.count})`).join(', ')}`);
    }
    // Mentions per file, and the first mention's offset in each (entity.mentions is built per read).
    const perFile = new Map<string, { count: number; first: number }>();
    for (const m of entity.mentions) {
      const f = perFile.get(m.file);
      if (f) f.count++;
      else perFile.set(m.file, { count: 1, first: m.start });
    }
    const here = perFile.get(uri)?.count ?? 0;
    lines.push(`Mentioned ${here} time${here === 1 ? '' : 's'} in this article, ${entity.mentionCount} in ${perFile.size} article${perFile.size === 1 ? '' : 's'}:`);
    const files = [...perFile].sort((a, b) => b[1].count - a[1].count).slice(0, 10);
    lines.push(files.map(([file, f]) => `- ${this.fileLink(file, f.first)}: ${f.count}`).join('\n'));
    if (perFile.size > files.length) lines.push(`- … and ${perFile.size - files.length} more`);
    if (entity.type === 'person') {
      const said = this.quotesBy(entity, [...perFile.keys()], uri);
      if (said.length > 0) {
        lines.push(`Quoted ${said.length} time${said.length === 1 ? '' : 's'}:`);
        lines.push(said.slice(0, 5).map((m) => `- “${md(truncate(m.text, 80))}” — ${this.fileLink(m.file, m.start)}`).join('\n'));
      }
    }
    return lines.join('\n\n');
  }

  private quoteHover(uri: string, index: number, family: QuoteFamily | undefined): string {
    const file = this.corpus.get(uri)!;
    const quote = file.quotes()[index];
    const speaker = quote.speaker ? this.speakerName(uri, quote.speaker) : family?.speaker ?? null;
    const head = `**Quotation**${speaker ? ` — ${md(speaker)}` : ''}`;
    if (!family) return `${head}\n\nNot printed by any other article in the corpus.`;
    const others = family.members.filter((m) => m.file !== uri);
    const files = new Set(others.map((m) => m.file));
    const items: string[] = [];
    const shown = new Set<string>();
    for (const member of others) {
      if (shown.size >= maxHoverVersions) break;
      shown.add(`${member.file}#${member.quote}`);
      const diff = diffWords(quote.text, member.text)
        .map((d) => (d.op === 'same' ? md(d.text) : d.op === 'added' ? `**${md(d.text)}**` : `~~${md(d.text)}~~`))
        .join(' ');
      const who = member.speaker && member.speaker !== speaker ? ` (${md(member.speaker)})` : '';
      items.push(`- ${this.fileLink(member.file, member.start)}${who}: “${diff}”`);
    }
    if (others.length > shown.size) items.push(`- … and ${others.length - shown.size} more`);
    return [
      `${head} · printed by ${files.size} other article${files.size === 1 ? '' : 's'}`,
      items.join('\n'),
      '*Bold*: words the other article adds; ~~struck~~: words it leaves out.',
    ].join('\n\n');
  }

  /** The speaker's canonical name from the entity layer, else the name as printed. */
  speakerName(uri: string, speaker: { name: string; start: number; end: number; kind: string }): string {
    return canonicalSpeaker(this.indexes, uri, speaker.name, speaker.kind === 'name' ? speaker.start : undefined);
  }

  /**
   * The statements attributed to a person: quotes in the articles that mention them whose
   * speaker resolves to them, one per quote family (this article's copy first, else the
   * fullest). Costs the person's own articles, never the whole corpus.
   */
  private quotesBy(entity: Entity, mentionedIn: string[], uri: string): Array<{ file: string; start: number; text: string }> {
    const files = [...mentionedIn].sort((a, b) => (a === uri ? -1 : b === uri ? 1 : 0));
    const byFamily = new Map<string, { file: string; start: number; text: string }>();
    for (const file of files.slice(0, 200)) {
      const analysis = this.corpus.get(file);
      if (!analysis) continue;
      analysis.quotes().forEach((q, i) => {
        if (!q.speaker || q.speaker.kind === 'role') return;
        const name = canonicalSpeaker(this.indexes, file, q.speaker.name, q.speaker.kind === 'name' ? q.speaker.start : undefined);
        if (name !== entity.name && !entity.aliases.some((a) => a.text === name)) return;
        const key = this.indexes.quotes.familyOf(file, i)?.id ?? `${file}#${q.utterance}`;
        const current = byFamily.get(key);
        if (!current || (current.file !== uri && (file === uri || q.text.length > current.text.length))) byFamily.set(key, { file, start: q.start, text: q.text });
      });
    }
    return [...byFamily.values()];
  }

  // --- helpers ---------------------------------------------------------------------------

  private location(uri: string, start: number, end: number): Location | undefined {
    const file = this.corpus.get(uri);
    if (!file) return undefined;
    return { uri, range: toRange(file, start, end) };
  }

  private fileLink(uri: string, offset: number): string {
    const file = this.corpus.get(uri);
    const line = file ? file.lines.positionAt(offset).line + 1 : 1;
    return `[${md(basename(uri))}](${uri}#L${line})`;
  }
}

export function basename(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

/** Escapes markdown so article text cannot inject links or formatting into a hover. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

export type { Range };

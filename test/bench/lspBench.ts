// Measures the real language server (dist/server.js over stdio) on a generated corpus:
// cold/warm indexing, request latencies, the edit-update loop and peak memory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TruthLine {
  path: string;
  mojibake: number;
  quotes: Array<{ family: string; variant: string; line: number }>;
  mentions: Array<{ entity: string; form: string; line: number }>;
}

export interface Corpus {
  dir: string;
  articles: number;
  bytes: number;
  truthFile: string;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const load = () => os.loadavg().map((x) => +x.toFixed(2));

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k];
}
export const round = (x: number, digits = 2) => (Number.isFinite(x) ? +x.toFixed(digits) : null);

export function readTruth(file: string, wanted?: (index: number) => boolean): Map<number, TruthLine> {
  const out = new Map<number, TruthLine>();
  const text = fs.readFileSync(file, 'utf8');
  let index = 0;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (!wanted || wanted(index)) out.set(index, JSON.parse(text.slice(from, to)));
    index++;
    from = to + 1;
  }
  return out;
}

// --- starting and indexing ---------------------------------------------------------------

export interface Session {
  client: LspClient;
  /** Wall time from sending initialize to the "indexed N articles" log message. */
  wallS: number;
  /** The server's own figure from that message. */
  reportedS: number;
  indexed: number;
  /** Wall time from spawn to the initialize response (process start + bundle load). */
  startupMs: number;
  /** Files answered from the warm-start cache (from the log message), or null without a cache. */
  cacheHits: number | null;
}

interface Started {
  client: LspClient;
  /** Resolves with the "indexed N articles" log message. */
  indexed: Promise<Json>;
  t0: number;
  startupMs: number;
}

/** Spawns the server and initialises it on the corpus folder; indexing starts at once. */
async function start(serverPath: string, corpus: Corpus, storagePath: string | undefined, nodeArgs: string[] = [], env?: Record<string, string>): Promise<Started> {
  const spawned = now();
  const client = new LspClient({ serverPath, nodeArgs, env });
  const rootUri = pathToFileURL(corpus.dir).href;
  const indexed = client.waitFor('window/logMessage', (p) => /\[copydesk\] indexed \d+ articles/.test(p?.message ?? ''), 1_800_000);
  const t0 = now();
  await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'copydesk-bench' },
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(corpus.dir) }],
    initializationOptions: storagePath ? { storagePath } : undefined,
    capabilities: {
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      workspace: { workspaceFolders: true },
    },
  });
  const startupMs = now() - spawned;
  client.notify('initialized', {});
  return { client, indexed, t0, startupMs };
}

/** Starts the server on the corpus folder; `storagePath` is the editor's storage folder (the warm-start cache lives there). */
export async function startAndIndex(serverPath: string, corpus: Corpus, storagePath: string | undefined, nodeArgs: string[] = [], env?: Record<string, string>): Promise<Session> {
  const { client, indexed, t0, startupMs } = await start(serverPath, corpus, storagePath, nodeArgs, env);
  const message: string = (await indexed).message;
  const wallS = (now() - t0) / 1000;
  const m = /indexed (\d+) articles in (\d+) ms(?:, (\d+) from the cache)?/.exec(message)!;
  return { client, wallS, reportedS: Number(m[2]) / 1000, indexed: Number(m[1]), startupMs, cacheHits: m[3] === undefined ? null : Number(m[3]) };
}

export interface ServedWhileIndexing {
  /** Hover + keystroke rounds answered before indexing ended. */
  rounds: number;
  open_to_diagnostics_ms: number | null;
  hover_p50_ms: number | null;
  hover_p95_ms: number | null;
  hover_max_ms: number | null;
  keystroke_p50_ms: number | null;
  keystroke_p95_ms: number | null;
  keystroke_max_ms: number | null;
  /** The server's own indexing time, with this going on. */
  cold_index_s: number;
  load: number[];
}

/**
 * A cold start with an article opened at once, as an editor restoring its tabs does: while the corpus
 * indexes, a hover at a name and a keystroke (diagnostics of the new version) every `gapMs`.
 */
export async function servedWhileIndexing(serverPath: string, corpus: Corpus, storagePath: string, gapMs: number): Promise<ServedWhileIndexing> {
  const { client, indexed } = await start(serverPath, corpus, storagePath);
  let message: string | undefined;
  void indexed.then((m) => (message = m.message));
  const pick = pickEditArticle(corpus);
  let t = now();
  const doc = await OpenDocument.open(client, corpus, pick.truth.path);
  const open = now() - t;
  const at = mentionPosition(doc.lines, pick.mention.line, pick.mention.form)!;
  const hovers: number[] = [];
  const keystrokes: number[] = [];
  for (let k = 0; message === undefined; k++) {
    const inserted = k % 2 === 1; // a space was typed at the start of the line by the last round
    t = now();
    await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: at.line, character: at.character + (inserted ? 1 : 0) } });
    hovers.push(now() - t);
    keystrokes.push((await doc.keystroke(at.line, 0, inserted ? '' : ' ')).diagnosedMs);
    await sleep(gapMs);
  }
  await client.stop();
  const m = /indexed \d+ articles in (\d+) ms/.exec(message!)!;
  const stat = (values: number[], p: number) => (values.length ? round(percentile(values, p)) : null);
  return {
    rounds: hovers.length,
    open_to_diagnostics_ms: round(open),
    hover_p50_ms: stat(hovers, 50),
    hover_p95_ms: stat(hovers, 95),
    hover_max_ms: stat(hovers, 100),
    keystroke_p50_ms: stat(keystrokes, 50),
    keystroke_p95_ms: stat(keystrokes, 95),
    keystroke_max_ms: stat(keystrokes, 100),
    cold_index_s: Number(m[1]) / 1000,
    load: load(),
  };
}

// --- documents -----------------------------------------------------------------------------

export class OpenDocument {
  version = 1;
  lines: string[];
  constructor(readonly client: LspClient, readonly uri: string, public text: string) {
    this.lines = text.split('\n');
  }

  static async open(client: LspClient, corpus: Corpus, relative: string): Promise<OpenDocument> {
    const file = path.join(corpus.dir, relative);
    const doc = new OpenDocument(client, pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
    const diagnosed = doc.diagnosed(1);
    client.notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: relative.endsWith('.article') ? 'article' : 'plaintext', version: 1, text: doc.text } });
    await diagnosed;
    return doc;
  }

  diagnosed(version: number): Promise<Json> {
    return this.client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === this.uri && p.version === version, 120_000);
  }

  /** One keystroke: insert `text` at (line, character), or delete one character there when text is ''. */
  async keystroke(line: number, character: number, text: string): Promise<{ diagnosedMs: number; t0: number }> {
    this.version++;
    const range = { start: { line, character }, end: { line, character: text ? character : character + 1 } };
    const waiting = this.diagnosed(this.version);
    const t0 = now();
    this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ range, text }] });
    await waiting;
    const l = this.lines[line];
    this.lines[line] = text ? l.slice(0, character) + text + l.slice(character) : l.slice(0, character) + l.slice(character + 1);
    return { diagnosedMs: now() - t0, t0 };
  }

  close(): void {
    this.client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
  }
}

/** A position inside the quote printed on a 1-based line (first quote mark of the line, a few characters in). */
function quotePosition(lines: string[], lineNo: number, variant: string): { line: number; character: number } | undefined {
  const text = lines[lineNo - 1];
  if (text === undefined) return undefined;
  const marks = variant === 'headline' ? ['‘', "'"] : ['“', '"'];
  let at = -1;
  for (const mark of marks) {
    const k = text.indexOf(mark);
    if (k >= 0 && (at < 0 || k < at)) at = k;
  }
  if (at < 0 || at + 4 >= text.length) return undefined;
  return { line: lineNo - 1, character: at + 3 };
}

function mentionPosition(lines: string[], lineNo: number, form: string): { line: number; character: number } | undefined {
  const text = lines[lineNo - 1];
  const k = text?.indexOf(form) ?? -1;
  return k < 0 ? undefined : { line: lineNo - 1, character: k + 1 };
}

// --- request latencies -------------------------------------------------------------------

export interface QueryResult {
  samples: number;
  documents: number;
  first_request_after_open_ms: number | null;
  hover_p50_ms: number | null;
  hover_p95_ms: number | null;
  hover_max_ms: number | null;
  references_p50_ms: number | null;
  references_p95_ms: number | null;
  references_max_ms: number | null;
  references_mean_results: number | null;
  definition_p50_ms: number | null;
  definition_p95_ms: number | null;
  hover_nonempty: number;
  load: number[];
}

/** Opens `documents` articles spread over the corpus, then hovers / references / definitions at their quotes and names. */
export async function queryLatencies(client: LspClient, corpus: Corpus, documents: number): Promise<QueryResult> {
  const step = Math.max(1, Math.floor(corpus.articles / documents));
  const truth = readTruth(corpus.truthFile, (i) => i % step === 0);
  const picked = [...truth.entries()].filter(([, t]) => t.mojibake === 0).slice(0, documents);
  const targets: Array<{ doc: OpenDocument; position: { line: number; character: number } }> = [];
  for (const [, t] of picked) {
    const doc = await OpenDocument.open(client, corpus, t.path);
    const positions: Array<{ line: number; character: number } | undefined> = [];
    for (const q of t.quotes.slice(0, 3)) positions.push(quotePosition(doc.lines, q.line, q.variant));
    const seen = new Set<string>();
    for (const m of t.mentions) {
      if (seen.has(m.entity) || seen.size >= 3) continue;
      seen.add(m.entity);
      positions.push(mentionPosition(doc.lines, m.line, m.form));
    }
    for (const position of positions) if (position) targets.push({ doc, position });
  }
  // The first request after documents change pays for lazy corpus-wide work (entity clustering).
  let t = now();
  await client.request('textDocument/hover', { textDocument: { uri: targets[0].doc.uri }, position: targets[0].position });
  const first = now() - t;

  const hover: number[] = [];
  const references: number[] = [];
  const definition: number[] = [];
  let nonEmpty = 0;
  let results = 0;
  for (const { doc, position } of targets) {
    const params = { textDocument: { uri: doc.uri }, position };
    t = now();
    const h = await client.request('textDocument/hover', params);
    hover.push(now() - t);
    if (h) nonEmpty++;
    t = now();
    const r = await client.request<Json[]>('textDocument/references', { ...params, context: { includeDeclaration: true } });
    references.push(now() - t);
    results += r?.length ?? 0;
    t = now();
    await client.request('textDocument/definition', params);
    definition.push(now() - t);
  }
  return {
    samples: targets.length,
    documents: picked.length,
    first_request_after_open_ms: round(first),
    hover_p50_ms: round(percentile(hover, 50)),
    hover_p95_ms: round(percentile(hover, 95)),
    hover_max_ms: round(Math.max(...hover)),
    references_p50_ms: round(percentile(references, 50)),
    references_p95_ms: round(percentile(references, 95)),
    references_max_ms: round(Math.max(...references)),
    references_mean_results: round(results / targets.length, 1),
    definition_p50_ms: round(percentile(definition, 50)),
    definition_p95_ms: round(percentile(definition, 95)),
    hover_nonempty: nonEmpty,
    load: load(),
  };
}

// --- edit update -----------------------------------------------------------------------

export interface EditResult {
  article: string;
  keystrokes: number;
  /** didChange → publishDiagnostics(version) → references reflecting the edit, via a name (entity index current). */
  edit_update_ms: number | null;
  edit_update_p95_ms: number | null;
  edit_update_max_ms: number | null;
  /** Same loop, references at a quotation printed by other outlets (quote-family index current). */
  edit_update_quote_ms: number | null;
  edit_update_quote_p95_ms: number | null;
  /** didChange → publishDiagnostics(version) only. */
  diagnostics_ms: number | null;
  references_after_edit_ms: number | null;
  reflects_edit: boolean;
  load: number[];
}

/** Picks an article with a name on some line and a shared (family) quotation on some line. */
function pickEditArticle(corpus: Corpus): { truth: TruthLine; mention: { line: number; form: string }; quote: { line: number; variant: string } } {
  const middle = Math.floor(corpus.articles / 2);
  const truth = readTruth(corpus.truthFile, (i) => i >= middle && i < middle + 400);
  for (const t of truth.values()) {
    if (t.mojibake) continue;
    const quote = t.quotes.find((q) => q.family.startsWith('q') && q.variant === 'full');
    // A person with a name of their own (a one-article witness: the result size stays constant).
    const mention = t.mentions.find((m) => m.entity.startsWith('local:') && (!quote || m.line !== quote.line));
    if (quote && mention) return { truth: t, mention, quote };
  }
  throw new Error('no article with a local name and a family quote');
}

export async function editUpdate(client: LspClient, corpus: Corpus, keystrokes: number, gapMs: number): Promise<EditResult> {
  const pick = pickEditArticle(corpus);
  const doc = await OpenDocument.open(client, corpus, pick.truth.path);
  const mentionAt = mentionPosition(doc.lines, pick.mention.line, pick.mention.form)!;
  const quoteAt = quotePosition(doc.lines, pick.quote.line, pick.quote.variant)!;
  // Warm: the first query after opening pays for whatever lazy work opening caused.
  await client.request('textDocument/references', { textDocument: { uri: doc.uri }, position: mentionAt, context: { includeDeclaration: true } });

  let reflects = true;
  const loop = async (at: { line: number; character: number }) => {
    const totals: number[] = [];
    const diags: number[] = [];
    const refs: number[] = [];
    for (let k = 0; k < keystrokes; k++) {
      const started = now();
      // Type a space at the start of the line, then delete it: everything after it on the line moves.
      const inserting = k % 2 === 0;
      const { diagnosedMs, t0 } = await doc.keystroke(at.line, 0, inserting ? ' ' : '');
      const shift = inserting ? 1 : 0;
      const t1 = now();
      const result = await client.request<Json[]>('textDocument/references', {
        textDocument: { uri: doc.uri },
        position: { line: at.line, character: at.character + shift },
        context: { includeDeclaration: true },
      });
      const t2 = now();
      const own = (result ?? []).filter((l) => l.uri === doc.uri && l.range.start.line === at.line);
      if (!own.some((l) => l.range.start.character <= at.character + shift && at.character + shift <= l.range.end.character)) reflects = false;
      totals.push(t2 - t0);
      diags.push(diagnosedMs);
      refs.push(t2 - t1);
      const spent = now() - started;
      if (spent < gapMs) await sleep(gapMs - spent); // typing pace
    }
    return { totals, diags, refs };
  };
  const byName = await loop(mentionAt);
  const byQuote = await loop(quoteAt);
  doc.close();
  return {
    article: pick.truth.path,
    keystrokes,
    edit_update_ms: round(percentile(byName.totals, 50)),
    edit_update_p95_ms: round(percentile(byName.totals, 95)),
    edit_update_max_ms: round(Math.max(...byName.totals)),
    edit_update_quote_ms: round(percentile(byQuote.totals, 50)),
    edit_update_quote_p95_ms: round(percentile(byQuote.totals, 95)),
    diagnostics_ms: round(percentile([...byName.diags, ...byQuote.diags], 50)),
    references_after_edit_ms: round(percentile(byName.refs, 50)),
    reflects_edit: reflects,
    load: load(),
  };
}

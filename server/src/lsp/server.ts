// The only code that speaks the protocol: it wires a connection to the service.
import {
  type CancellationToken,
  type Connection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { Corpus } from '../service/corpus';
import { NodeWorkspace } from '../service/nodeWorkspace';
import { WorkerAnalyzer } from '../service/workerAnalyzer';
import { AnalysisCache } from '../service/analysisCache';
import { resolveSettings } from '../service/settings';
import { addIgnore, configFileName, contextOf, mergeSettings, parseProjectConfig, withoutIgnored, type ProjectConfig } from '../service/projectConfig';
import * as fs from 'node:fs';
import { diagnosticsFor } from '../service/diagnosticsFeature';
import { codeActionsFor, fixAllKind } from '../service/codeActionsFeature';
import { corpusCodeActions } from '../service/corpusActionsFeature';
import { corpusProblems } from '../service/corpusProblems';
import type { FileAnalysis } from '../service/fileAnalysis';
import { CorpusFeatures, entityTokenTypes } from '../service/corpusFeatures';
import { corpusFix, encodingRules } from '../service/corpusFixFeature';
import { entityFileReport, entityPanelReports, familyMemberReport, familyPanelReports } from '../service/corpusReports';
import { canonicalSpeaker } from '../service/speakers';
import { basename } from '../service/corpusFeatures';
import { markLocations } from './messageEncoder';

/** Longest stretch of a sliced background computation before the server answers other messages. */
const SLICE_MS = 8;
/** How long after the last edit or request background computations wait before taking a slice. */
const QUIET_MS = 500;
/** Slices of work that must end (see inSlices): while someone is at work, and while nobody is. */
const BUSY_SLICE_MS = 4;
const IDLE_SLICE_MS = 20;
/** How long after the last edit or request work that must end (indexing's) waits before its next slice. */
const BRIEF_QUIET_MS = 30;

const commands = {
  repairEncoding: 'copydesk.repairEncodingInCorpus',
  fixAllInCorpus: 'copydesk.fixAllInCorpus',
  ignore: 'copydesk.ignore',
} as const;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new NodeWorkspace();
  // Disk files are analysed in worker threads when the bundled worker is beside us.
  const analyzer = WorkerAnalyzer.create(path.join(__dirname, 'analysisWorker.js'));
  let cache = AnalysisCache.inFolder(undefined);
  let cacheLoaded: Promise<void> = Promise.resolve();
  const corpus = new Corpus(workspace, resolveSettings(undefined), {
    analyzer,
    get cache() {
      return cache;
    },
  });
  const features = new CorpusFeatures(corpus);
  let folders: string[] = [];
  let clientHasConfiguration = false;
  let clientHasWatchRegistration = false;
  let clientHasProgress = false;
  let versionedEdits = false;
  let clientHasSemanticRefresh = false;
  let indexing: { cancelled: boolean } | undefined;

  // `.copydesk.json` of each workspace folder: shared settings and ignored occurrences.
  const projectConfigs = new Map<string, ProjectConfig>();
  let editorSettings: unknown;
  const folderOf = (uri: string) => folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : f + '/')).sort((a, b) => b.length - a.length)[0];
  const relativeTo = (folder: string | undefined, uri: string) => (folder ? decodeURIComponent(uri.slice(folder.replace(/\/$/, '').length + 1)) : undefined);
  const configUri = (folder: string) => `${folder.replace(/\/$/, '')}/${configFileName}`;

  function loadProjectConfigs(): void {
    projectConfigs.clear();
    for (const folder of folders) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(fileURLToPath(configUri(folder)), 'utf8');
      } catch {
        text = undefined; // no project file
      }
      const config = parseProjectConfig(text);
      if (config.error) void connection.window.showWarningMessage(`Copydesk: ${config.error}`);
      projectConfigs.set(folder, config);
    }
    applySettings();
  }

  function applySettings(): void {
    const project = folders.length ? projectConfigs.get(folders[0]) : undefined;
    corpus.settings = mergeSettings(project ?? { settings: {}, ignore: [] }, editorSettings);
  }

  // Per-document problems plus what only the corpus can see (boilerplate, inconsistent names),
  // less the occurrences the team chose to ignore.
  const problemsOf = (file: FileAnalysis) => {
    const problems = [...file.problems(corpus.settings), ...corpusProblems(features.indexes, file, corpus.settings)].sort((a, b) => a.start - b.start || a.end - b.end);
    const folder = folderOf(file.uri);
    const ignore = (folder && projectConfigs.get(folder)?.ignore) || [];
    return withoutIgnored(problems, ignore, relativeTo(folder, file.uri), file.hasText ? file.text : undefined);
  };

  const log = (message: string) => connection.console.log(`[copydesk] ${message}`);

  /** When the last edit or request came (background work gives way to someone at work). */
  let lastActivity = 0;
  /** Runs a request handler so that one failure answers that request with an error and nothing else. */
  function guarded<P, R>(name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      lastActivity = Date.now();
      try {
        if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        return await handler(params, token);
      } catch (error) {
        const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
        connection.console.error(`[copydesk] ${name} failed: ${message}`);
        return new ResponseError(ErrorCodes.InternalError, `Copydesk: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    clientHasConfiguration = !!capabilities.workspace?.configuration;
    clientHasWatchRegistration = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    clientHasProgress = !!capabilities.window?.workDoneProgress;
    versionedEdits = !!capabilities.workspace?.workspaceEdit?.documentChanges;
    clientHasSemanticRefresh = !!capabilities.workspace?.semanticTokens?.refreshSupport;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    // Older clients send only the deprecated rootPath: the corpus is still that folder.
    if (folders.length === 0 && params.rootPath) folders = [pathToFileURL(params.rootPath).href];
    const init = params.initializationOptions as { settings?: unknown; storagePath?: unknown } | undefined;
    if (init?.settings) {
      editorSettings = init.settings;
      corpus.settings = resolveSettings(init.settings);
    }
    // The warm-start cache lives in the editor's storage folder for this workspace.
    if (typeof init?.storagePath === 'string' && init.storagePath) {
      cache = AnalysisCache.inFolder(init.storagePath);
      cacheLoaded = cache.loadAsync(); // indexing lists the corpus meanwhile
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        referencesProvider: true,
        definitionProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        semanticTokensProvider: { legend: { tokenTypes: [...entityTokenTypes], tokenModifiers: [] }, full: true, range: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', fixAllKind], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(commands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'copydesk', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    await loadSettings();
    if (clientHasWatchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: corpus.settings.files }, { globPattern: `**/${configFileName}` }],
      });
    }
    void indexCorpus();
  });

  async function loadSettings(): Promise<void> {
    if (clientHasConfiguration) {
      try {
        editorSettings = (await connection.workspace.getConfiguration('copydesk')) ?? editorSettings;
      } catch (error) {
        log(`could not read settings, using defaults: ${String(error)}`);
      }
    }
    loadProjectConfigs();
  }

  async function indexCorpus(): Promise<void> {
    if (indexing) indexing.cancelled = true;
    const state = { cancelled: false };
    indexing = state;
    const started = Date.now();
    const progress = clientHasProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Copydesk: indexing articles', 0, 'listing files…', true);
    progress?.token.onCancellationRequested(() => (state.cancelled = true));
    // Names read from disk join the entity index together when the run ends (see deferNames).
    features.indexes.deferNames();
    let namesFlushed = false;
    const flushNames = () => {
      if (namesFlushed) return;
      namesFlushed = true;
      features.indexes.flushNames();
    };
    try {
      const count = await corpus.index(folders, {
        isCancelled: () => state.cancelled,
        ready: cacheLoaded,
        report: (done, total) => {
          progress?.report(total ? Math.min(100, Math.round((done / total) * 100)) : 0, `${done} of ${total} articles`);
          sendStatus({ indexing: true, done, total });
        },
      });
      // The names read from disk are clustered now, in the background (over a second at 10,000
      // articles), rather than in the first hover after indexing: "indexed" means ready, and the time
      // logged includes it. Until then hovers answer from the open documents' names, as while indexing.
      namesFlushed = true;
      progress?.report(100, 'grouping names into entities…');
      // A warm start's names are those of the last session: its clustering is reused when they match.
      features.indexes.clusterHint = cache.clusters;
      await inSlices(features.indexes.flushNamesInSteps(), { waitForQuiet: false });
      const clusters = features.indexes.takeClusters();
      if (clusters) cache.setClusters(clusters);
      const fromCache = cache.file ? `, ${cache.hits} from the cache${features.indexes.entities.clustersRestored ? ' (and how their names cluster)' : ''}` : '';
      const heapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
      log(`indexed ${count} articles in ${Date.now() - started} ms${fromCache}, heap ${heapMb} MB${state.cancelled ? ' (cancelled)' : ''}`);
      if (!state.cancelled) {
        cache.retain(corpus.diskUris());
        void cache.saveAsync(quiet);
        void publishCorpusWide();
      }
    } catch (error) {
      connection.console.error(`[copydesk] indexing failed: ${String(error)}`);
    } finally {
      flushNames();
      progress?.done();
      if (indexing === state) indexing = undefined;
      scheduleStatus();
    }
  }

  // A compact status for the client's status bar and corpus panel, sent at most every 300 ms.
  function sendStatus(progress?: { indexing: boolean; done: number; total: number }): void {
    try {
      // Counted from what was last published: computing every open document's problems again
      // here would repeat the work refreshDiagnostics just did.
      const problems = documents.all().reduce((n, d) => n + (publishedCount.get(d.uri) ?? 0), 0);
      const indexingNow = progress?.indexing ?? indexing !== undefined;
      const families = familyCount;
      void connection.sendNotification('copydesk/status', {
        indexing: indexingNow, done: progress?.done ?? corpus.size, total: progress?.total ?? corpus.size,
        articles: corpus.size, families, problems,
      });
    } catch (error) {
      connection.console.error(`[copydesk] status failed: ${String(error)}`);
    }
  }
  /**
   * Runs a stepped computation a few milliseconds at a time, in the background: after the first
   * slice, the next starts only when no edit or request came for QUIET_MS, and waits for the next
   * timer tick, so the JSON-RPC messages already queued (their handlers run from setImmediate) are
   * all answered first. At 50,000 articles carving the quote families takes many seconds; slices run
   * back to back made every keystroke wait behind several of them. (The first slice runs at once: a
   * computation with nothing left to do answers without waiting for quiet.) With `waitForQuiet`
   * false, slices go on while the user works, BRIEF_QUIET_MS after the last edit or request (time
   * for its answer and diagnostics to go out first): for work that must end (indexing's), not work
   * that a change may make obsolete.
   */
  async function inSlices<T>(steps: Generator<void, T>, { waitForQuiet = true } = {}): Promise<T> {
    for (let first = true; ; first = false) {
      if (!first) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await quiet(waitForQuiet ? QUIET_MS : BRIEF_QUIET_MS);
      }
      // Work that must end takes long slices while nobody works (fewer turns of the event loop) and
      // short ones while someone does (a request waits for the slice under way).
      const until = Date.now() + (waitForQuiet ? SLICE_MS : Date.now() - lastActivity < QUIET_MS ? BUSY_SLICE_MS : IDLE_SLICE_MS);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return step.value;
        if (Date.now() >= until) break;
      }
    }
  }
  /** Resolves once no edit or request came for `ms` (QUIET_MS by default). */
  function quiet(ms = QUIET_MS): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const quietFor = Date.now() - lastActivity;
        if (quietFor >= ms) resolve();
        else setTimeout(check, ms - quietFor);
      };
      check();
    });
  }
  /** Brings the quote families up to date a slice at a time (after a few interrupted tries, families() finishes at once). */
  async function carveFamiliesInSlices(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) if (await inSlices(features.indexes.quotes.familiesInSteps(2))) return;
  }

  // Carving the quote families after a quotation changed walks the whole quote index (about a
  // second at 10,000 articles): the count is redone when edits pause for two seconds, a slice at
  // a time, so a keystroke or a hover never waits behind it.
  let familyCount = 0;
  let familyTimer: NodeJS.Timeout | undefined;
  function scheduleFamilyCount(): void {
    if (familyTimer) clearTimeout(familyTimer);
    familyTimer = setTimeout(async () => {
      familyTimer = undefined;
      if (indexing) return;
      try {
        const families = await inSlices(features.indexes.quotes.familiesInSteps(2));
        if (!families) return scheduleFamilyCount(); // the quotations changed meanwhile
        if (families.length !== familyCount) {
          familyCount = families.length;
          sendStatus();
        }
      } catch (error) {
        connection.console.error(`[copydesk] counting quote families failed: ${String(error)}`);
      }
    }, 2000);
  }

  let statusTimer: NodeJS.Timeout | undefined;
  function scheduleStatus(): void {
    if (statusTimer) return;
    statusTimer = setTimeout(() => {
      statusTimer = undefined;
      if (indexing) return;
      // Corpus-level problems of open documents depend on the other files: refresh them.
      for (const document of documents.all()) refreshDiagnostics(document.uri);
      sendStatus();
      scheduleFamilyCount();
    }, 300);
  }

  // Corpus-wide problems (setting, off by default): every article's diagnostics are pushed,
  // a batch at a time so requests keep being answered on a large corpus.
  const corpusWidePublished = new Set<string>();
  let corpusWideRun = 0;
  async function publishCorpusWide(): Promise<void> {
    const run = ++corpusWideRun;
    if (!corpus.settings.corpusWideProblems) {
      for (const uri of corpusWidePublished) if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      corpusWidePublished.clear();
      return;
    }
    const files = corpus.files().filter((f) => !documents.get(f.uri));
    for (let i = 0; i < files.length; i++) {
      if (run !== corpusWideRun) return; // a newer run started
      publishFile(files[i].uri);
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  function publishFile(uri: string): void {
    const file = corpus.get(uri);
    if (!file || documents.get(uri)) return;
    try {
      const diagnostics = diagnosticsFor(corpus, uri, problemsOf);
      if (diagnostics.length === 0 && !corpusWidePublished.has(uri)) return;
      corpusWidePublished.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics });
    } catch (error) {
      connection.console.error(`[copydesk] diagnostics for ${uri} failed: ${String(error)}`);
    }
  }

  /** Re-publishes a document's diagnostics only if they changed. */
  const published = new Map<string, string>();
  const publishedCount = new Map<string, number>();
  function refreshDiagnostics(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const diagnostics = diagnosticsFor(corpus, uri, problemsOf);
      const key = `${document.version}:${JSON.stringify(diagnostics)}`;
      if (published.get(uri) === key) return;
      published.set(uri, key);
      publishedCount.set(uri, diagnostics.length);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      connection.console.error(`[copydesk] diagnostics for ${uri} failed: ${String(error)}`);
    }
  }

  // Diagnostics are pushed per open document as soon as its text is known,
  // never waiting for the rest of the corpus to be indexed.
  const pending = new Set<string>();
  function scheduleDiagnostics(uri: string): void {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => {
      pending.delete(uri);
      refreshDiagnostics(uri);
      scheduleStatus();
    });
  }

  documents.onDidOpen(({ document }) => {
    corpus.setOpen(document.uri, document.version, document.getText());
    scheduleDiagnostics(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    lastActivity = Date.now();
    corpus.setOpen(document.uri, document.version, document.getText());
    scheduleDiagnostics(document.uri);
  });
  documents.onDidClose(({ document }) => {
    published.delete(document.uri);
    publishedCount.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    void corpus.close(document.uri).then(() => {
      if (corpus.settings.corpusWideProblems) publishFile(document.uri);
    });
  });

  connection.onDidChangeConfiguration(async () => {
    const before = JSON.stringify({ files: corpus.settings.files, exclude: corpus.settings.exclude });
    await loadSettings();
    for (const document of documents.all()) scheduleDiagnostics(document.uri);
    if (clientHasSemanticRefresh) connection.languages.semanticTokens.refresh();
    if (!indexing) void publishCorpusWide();
    if (JSON.stringify({ files: corpus.settings.files, exclude: corpus.settings.exclude }) !== before) void indexCorpus();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    if (changes.some((c) => c.uri.endsWith(`/${configFileName}`))) {
      loadProjectConfigs();
      for (const document of documents.all()) scheduleDiagnostics(document.uri);
    }
    for (const change of changes) {
      if (change.uri.endsWith(`/${configFileName}`)) continue;
      try {
        if (change.type === FileChangeType.Deleted) corpus.removeFromDisk(change.uri);
        else if (isCorpusFile(change.uri)) await corpus.loadFromDisk(change.uri);
        if (change.type === FileChangeType.Deleted && corpusWidePublished.delete(change.uri)) void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        else if (corpus.settings.corpusWideProblems) publishFile(change.uri);
        scheduleStatus();
      } catch (error) {
        connection.console.error(`[copydesk] file event for ${change.uri} failed: ${String(error)}`);
      }
    }
  });

  function isCorpusFile(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const full = fileURLToPath(uri);
    for (const folder of folders) {
      const relative = path.relative(fileURLToPath(folder), full);
      if (!relative.startsWith('..') && !path.isAbsolute(relative)) return corpus.matches(relative.split(path.sep).join('/'));
    }
    return false;
  }

  connection.onCodeAction(guarded('codeAction', async (params) => {
    const uri = params.textDocument.uri;
    const actions = codeActionsFor(corpus, { uri, range: params.range, only: params.context.only, versionedEdits }, problemsOf);
    const wantsQuickFixes = !params.context.only || params.context.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k + '.'));
    if (wantsQuickFixes && versionedEdits) actions.push(...(await corpusCodeActions(corpus, features.indexes, uri, params.range)));
    if (wantsQuickFixes) actions.push(...ignoreActions(uri, params.range));
    return actions;
  }));
  connection.onHover(guarded('hover', (params) => features.hover(params.textDocument.uri, params.position)));
  connection.onReferences(guarded('references', (params) => markLocations(features.references(params.textDocument.uri, params.position, params.context.includeDeclaration))));
  connection.onDefinition(guarded('definition', (params) => features.definition(params.textDocument.uri, params.position)));
  connection.onDocumentHighlight(guarded('documentHighlight', (params) => features.highlights(params.textDocument.uri, params.position)));
  connection.onDocumentSymbol(guarded('documentSymbol', (params) => features.documentSymbols(params.textDocument.uri)));
  connection.onWorkspaceSymbol(guarded('workspaceSymbol', (params) => features.workspaceSymbols(params.query)));
  connection.languages.semanticTokens.on(guarded('semanticTokens', (params) => features.semanticTokens(params.textDocument.uri)));
  connection.onPrepareRename(guarded('prepareRename', (params) => features.prepareRename(params.textDocument.uri, params.position)));
  connection.onRenameRequest(guarded('rename', (params) => features.rename(params.textDocument.uri, params.position, params.newName, versionedEdits)));
  connection.onCodeLens(guarded('codeLens', (params) => features.codeLenses(params.textDocument.uri)));

  connection.onExecuteCommand(guarded('executeCommand', async (params) => {
    if (params.command === commands.ignore) return ignoreOccurrence(params.arguments?.[0]);
    const label = params.command === commands.repairEncoding ? 'Repair encoding damage' : 'Fix all safe problems';
    const rules = params.command === commands.repairEncoding ? encodingRules : params.command === commands.fixAllInCorpus ? undefined : null;
    if (rules === null) throw new Error(`unknown command ${params.command}`);
    const fix = corpusFix(corpus, label, rules);
    if (fix.fixes === 0) {
      void connection.window.showInformationMessage(`Copydesk: nothing to fix in ${corpus.size} articles.`);
      return { files: 0, fixes: 0, applied: false };
    }
    const result = await connection.workspace.applyEdit({ label: `Copydesk: ${label}`, edit: fix.edit });
    return { files: fix.files, fixes: fix.fixes, applied: result.applied };
  }));

  /** "Ignore this … here" and "… in all articles" for each problem under the cursor. */
  function ignoreActions(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) {
    const file = corpus.get(uri);
    if (!file || !file.hasText || !folderOf(uri)) return [];
    const start = file.lines.offsetAt(range.start);
    const end = file.lines.offsetAt(range.end);
    const actions = [];
    for (const p of problemsOf(file)) {
      if (p.start > end || p.end < start || p.end === p.start) continue;
      const flagged = file.text.slice(p.start, p.end).replace(/\s+/g, ' ');
      const shown = flagged.length > 30 ? flagged.slice(0, 29) + '…' : flagged;
      const args = { uri, rule: p.rule, start: p.start, end: p.end };
      actions.push(
        { title: `Ignore this ${p.rule} here`, kind: 'quickfix', command: { title: 'Ignore', command: commands.ignore, arguments: [args] } },
        { title: `Ignore \`${shown}\` (${p.rule}) in all articles`, kind: 'quickfix', command: { title: 'Ignore', command: commands.ignore, arguments: [{ ...args, everywhere: true }] } },
      );
    }
    return actions;
  }

  /** Records an ignored occurrence in the folder's `.copydesk.json` (written atomically). */
  function ignoreOccurrence(args: unknown): { ignored: boolean } {
    const a = (args ?? {}) as { uri?: string; rule?: string; start?: number; end?: number; everywhere?: boolean };
    const file = a.uri ? corpus.get(a.uri) : undefined;
    const folder = a.uri ? folderOf(a.uri) : undefined;
    if (!file || !file.hasText || !folder || !a.rule || typeof a.start !== 'number' || typeof a.end !== 'number') {
      throw new Error('nothing to ignore: the document or the problem is gone');
    }
    const text = file.text.slice(a.start, a.end);
    const entry = a.everywhere
      ? { rule: a.rule, text }
      : { rule: a.rule, text, file: relativeTo(folder, a.uri!), context: contextOf(file.text, { start: a.start, end: a.end }) };
    const target = fileURLToPath(configUri(folder));
    let current: string | undefined;
    try {
      current = fs.readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    let next: string;
    try {
      next = addIgnore(current, entry);
    } catch {
      throw new Error(`${configFileName} is not valid JSON; fix it before adding ignores`);
    }
    const temporary = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, next);
    fs.renameSync(temporary, target);
    loadProjectConfigs();
    for (const document of documents.all()) scheduleDiagnostics(document.uri);
    return { ignored: true };
  }

  // Memory figures for the soak test and for users chasing a leak; collects garbage first
  // when node runs with --expose-gc.
  connection.onRequest('copydesk/memory', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    return { heapUsedMb: usage.heapUsed / 1048576, rssMb: usage.rss / 1048576, articles: corpus.size };
  });

  // The corpus panel's two trees.
  const speakerOf = (uri: string, name: string) => canonicalSpeaker(features.indexes, uri, name);
  connection.onRequest('copydesk/quoteFamilies', guarded('quoteFamilies', async () => {
    await carveFamiliesInSlices(); // then the reports read the carving without walking the corpus
    return familyPanelReports(features.indexes, speakerOf);
  }));
  // The members of one family, asked when the panel expands it.
  connection.onRequest('copydesk/quoteFamilyMembers', guarded('quoteFamilyMembers', async (params: { id?: unknown } | null) => {
    if (typeof params?.id !== 'string') return [];
    await carveFamiliesInSlices();
    return familyMemberReport(corpus, features.indexes, params.id, speakerOf).map((m) => ({ uri: m.uri, range: m.range, file: basename(m.uri), text: m.text }));
  }));
  connection.onRequest('copydesk/entities', guarded('entities', () => entityPanelReports(features.indexes, 2000)));
  // The files of one entity, asked when the panel expands it.
  connection.onRequest('copydesk/entityFiles', guarded('entityFiles', (params: { id?: unknown } | null) =>
    typeof params?.id === 'string' ? entityFileReport(corpus, features.indexes, params.id).map((f) => ({ ...f, file: basename(f.uri) })) : [],
  ));

  connection.onShutdown(() => {
    if (indexing) indexing.cancelled = true;
    cache.save();
    analyzer?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

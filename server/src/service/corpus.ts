// The corpus: every article file under the workspace folders, as the latest text we know.
// An open document's unsaved text wins over its disk copy. Observers (the quote and entity
// indexes) hear about each file as it changes, so cross-file data is updated file by file.
import { decodeFile } from './decode';
import { FileAnalysis, type FileSummary } from './fileAnalysis';
import { InProcessAnalyzer, type Analyzer } from './analyzer';
import type { AnalysisCache } from './analysisCache';
import { compileGlob, compileGlobs } from './glob';
import type { Settings } from './settings';
import type { FileStat, Workspace } from './workspace';

export interface CorpusOptions {
  /**
   * Where disk files are analysed (default: in this thread). With `keepText`, files are analysed by it
   * only when it is given; else a kept text is analysed in this thread when something asks.
   */
  analyzer?: Analyzer;
  /** Summaries of unchanged files from the last session. */
  cache?: AnalysisCache;
  /** Keep every file's text (the CLI, which fixes files); else disk files keep only summaries. */
  keepText?: boolean;
}

export interface CorpusObserver {
  fileChanged(file: FileAnalysis): void;
  fileRemoved(uri: string): void;
}

export interface IndexProgress {
  /** Called as files are indexed; `total` grows while folders are still being listed. */
  report(done: number, total: number): void;
  isCancelled(): boolean;
  /** Files are read once this settles (the warm-start cache loading); listing starts at once. */
  ready?: Promise<unknown>;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Corpus {
  private readonly disk = new Map<string, FileAnalysis>();
  private readonly opened = new Map<string, FileAnalysis>();
  private readonly observers: CorpusObserver[] = [];
  /** Bumped on every disk event per URI, so a slow read never overwrites a newer one. */
  private readonly diskGeneration = new Map<string, number>();

  private readonly analyzer: Analyzer;

  constructor(
    private readonly workspace: Workspace,
    public settings: Settings,
    private readonly options: CorpusOptions = {},
  ) {
    this.analyzer = options.analyzer ?? new InProcessAnalyzer();
  }

  observe(observer: CorpusObserver): void {
    this.observers.push(observer);
    for (const file of this.files()) observer.fileChanged(file);
  }

  get(uri: string): FileAnalysis | undefined {
    return this.opened.get(uri) ?? this.disk.get(uri);
  }

  isOpen(uri: string): boolean {
    return this.opened.has(uri);
  }

  /** The current view of every file: open text where open, disk text otherwise. */
  files(): FileAnalysis[] {
    const result = [...this.opened.values()];
    for (const [uri, file] of this.disk) if (!this.opened.has(uri)) result.push(file);
    return result;
  }

  /** Number of files: the disk's, plus open documents not on disk (walks the open ones only: the status sends it after every pause in typing). */
  get size(): number {
    let n = this.disk.size;
    for (const uri of this.opened.keys()) if (!this.disk.has(uri)) n++;
    return n;
  }

  setOpen(uri: string, version: number, text: string): FileAnalysis {
    const current = this.opened.get(uri);
    if (current && current.version === version && current.text === text) return current;
    // A huge open document is shown but not analysed: every keystroke would block the server.
    const limit = this.settings.maxFileSizeMb * 1024 * 1024;
    const skippedBecause = text.length > limit
      ? `Not analysed: this document has ${(text.length / 1048576).toFixed(1)} million characters, over the ${this.settings.maxFileSizeMb} MB limit (setting copydesk.maxFileSizeMb).`
      : undefined;
    const file = new FileAnalysis({ uri, version, text, encoding: 'utf8', skippedBecause });
    this.opened.set(uri, file);
    this.notifyChanged(file);
    return file;
  }

  /** The editor closed a document: fall back to the disk copy, reading it again if needed. */
  async close(uri: string): Promise<void> {
    if (!this.opened.delete(uri)) return;
    const onDisk = await this.workspace.stat(uri);
    if (this.opened.has(uri)) return; // opened again meanwhile
    if (onDisk) await this.loadFromDisk(uri);
    else if (this.disk.has(uri)) this.removeFromDisk(uri);
    // Never on disk (an untitled document): its names and quotations leave the indexes with it.
    else for (const o of this.observers) o.fileRemoved(uri);
  }

  /** Reads one file from disk (create/change events, indexing). Never throws. */
  async loadFromDisk(uri: string, knownStat?: FileStat): Promise<FileAnalysis | undefined> {
    const generation = (this.diskGeneration.get(uri) ?? 0) + 1;
    this.diskGeneration.set(uri, generation);
    const stat = knownStat ?? (await this.workspace.stat(uri));
    if (!stat) {
      this.removeFromDisk(uri);
      return undefined;
    }
    const version = `disk:${stat.mtime}:${stat.size}`;
    let file: FileAnalysis;
    const limit = this.settings.maxFileSizeMb * 1024 * 1024;
    if (stat.size > limit) {
      file = new FileAnalysis({
        uri, version, text: '', encoding: 'utf8',
        skippedBecause: `Not analysed: ${(stat.size / 1048576).toFixed(1)} MB is over the ${this.settings.maxFileSizeMb} MB limit (setting copydesk.maxFileSizeMb).`,
      });
    } else {
      const cached = this.options.keepText ? undefined : this.options.cache?.get(uri, stat.size, stat.mtime);
      if (cached) {
        file = FileAnalysis.fromSummary(uri, version, cached);
      } else {
        // A worker that reads the file itself spares this thread the read and the copy of the bytes.
        const localPath = this.options.keepText || !this.analyzer.summarizeFile ? undefined : this.workspace.localPath?.(uri);
        let bytes: Uint8Array | undefined;
        let summary: FileSummary | undefined;
        try {
          if (localPath) summary = await this.analyzer.summarizeFile!(uri, localPath);
          else bytes = await this.workspace.readFile(uri);
        } catch {
          if (this.diskGeneration.get(uri) === generation) this.removeFromDisk(uri);
          return undefined; // vanished or unreadable while indexing
        }
        if (bytes && this.options.keepText && this.options.analyzer) {
          summary = await this.analyzer.summarize(uri, bytes);
          file = FileAnalysis.fromSummary(uri, version, summary, decodeFile(bytes).text);
        } else if (bytes && this.options.keepText) {
          const decoded = decodeFile(bytes);
          file = new FileAnalysis({
            uri, version, text: decoded.text, encoding: decoded.encoding, firstInvalidByte: decoded.firstInvalidByte,
            skippedBecause: decoded.encoding === 'binary' ? 'Not analysed: this looks like a binary file (it contains NUL bytes).' : undefined,
          });
        } else {
          summary ??= await this.analyzer.summarize(uri, bytes!);
          this.options.cache?.set(uri, stat.size, stat.mtime, summary);
          file = FileAnalysis.fromSummary(uri, version, summary);
        }
      }
    }
    if (this.diskGeneration.get(uri) !== generation) return undefined; // a newer event won
    this.disk.set(uri, file);
    if (!this.opened.has(uri)) this.notifyChanged(file);
    return file;
  }

  removeFromDisk(uri: string): void {
    this.diskGeneration.set(uri, (this.diskGeneration.get(uri) ?? 0) + 1);
    this.options.cache?.delete(uri);
    if (!this.disk.delete(uri)) return;
    if (!this.opened.has(uri)) for (const o of this.observers) o.fileRemoved(uri);
  }

  /** Whether a path relative to its workspace folder belongs to the corpus under the settings. */
  matches(relativePath: string): boolean {
    return compileGlob(this.settings.files)(relativePath) && !compileGlobs(this.settings.exclude)(relativePath);
  }

  /** The current text of a file: the editor's if open, else read from disk (undefined if unreadable or not text). */
  async readText(uri: string): Promise<string | undefined> {
    const file = this.get(uri);
    if (file?.hasText && this.opened.has(uri)) return file.text;
    try {
      const decoded = decodeFile(await this.workspace.readFile(uri));
      return decoded.encoding === 'binary' || decoded.encoding === 'invalid-utf8' ? undefined : decoded.text;
    } catch {
      return undefined;
    }
  }

  /** Every URI currently known from disk. */
  diskUris(): Set<string> {
    return new Set(this.disk.keys());
  }

  /**
   * Discovers and reads every corpus file under the folders, a few reads at a time,
   * yielding to the event loop between files so requests are served while it runs.
   */
  async index(folderUris: readonly string[], progress?: IndexProgress): Promise<number> {
    const include = compileGlob(this.settings.files);
    const exclude = compileGlobs(this.settings.exclude);
    const isCancelled = () => progress?.isCancelled() ?? false;
    const queue: Array<{ uri: string; size: number; mtime: number } | undefined> = [];
    let head = 0;
    let listing = true;
    let done = 0;
    let total = 0;
    const lister = (async () => {
      for (const folder of folderUris) {
        for await (const found of this.workspace.listFiles(folder, { include, exclude, isCancelled })) {
          queue.push(found);
          total++;
        }
      }
      listing = false;
    })();
    const worker = async () => {
      await progress?.ready;
      for (;;) {
        if (isCancelled()) return;
        const found = head < queue.length ? queue[head] : undefined;
        if (found !== undefined) queue[head++] = undefined; // let it be collected
        if (found === undefined) {
          if (!listing) return;
          await yieldToEventLoop();
          continue;
        }
        await this.loadFromDisk(found.uri, found);
        done++;
        if (done % 50 === 0) progress?.report(done, total);
        await yieldToEventLoop();
      }
    };
    await Promise.all([lister, ...Array.from({ length: 8 }, worker)]);
    this.analyzer.idle();
    progress?.report(done, total);
    return done;
  }

  private notifyChanged(file: FileAnalysis): void {
    for (const observer of this.observers) {
      try {
        observer.fileChanged(file);
      } catch {
        // one broken index must not stop the others from updating
      }
    }
  }
}

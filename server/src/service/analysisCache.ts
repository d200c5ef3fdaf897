// The warm-start cache: each indexed file's summary, keyed by URI and checked against the
// file's size and mtime and the analysis version, in one file in the extension's storage
// folder. Safe to delete; a damaged or outdated cache is ignored.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { FileSummary } from './fileAnalysis';

declare const __ANALYSIS_VERSION__: string;
/** Changes whenever the analysis code changes (a hash injected by esbuild.js). */
export const analysisVersion: string = typeof __ANALYSIS_VERSION__ === 'string' ? __ANALYSIS_VERSION__ : 'dev';

interface Entry {
  size: number;
  mtime: number;
  summary: FileSummary;
}

export class AnalysisCache {
  private entries = new Map<string, Entry>();
  private dirty = false;
  /** Lookups answered and missed since the last load, for the log. */
  hits = 0;
  misses = 0;

  constructor(readonly file: string | undefined) {}

  static inFolder(folder: string | undefined): AnalysisCache {
    return new AnalysisCache(folder ? path.join(folder, 'analysis-cache.bin') : undefined);
  }

  load(): void {
    if (!this.file) return;
    try {
      const data = v8.deserialize(fs.readFileSync(this.file)) as { version: string; entries: Map<string, Entry> };
      if (data?.version === analysisVersion && data.entries instanceof Map) this.entries = data.entries;
    } catch {
      // missing or unreadable: start empty
    }
  }

  get(uri: string, size: number, mtime: number): FileSummary | undefined {
    const entry = this.entries.get(uri);
    const hit = entry && entry.size === size && entry.mtime === mtime ? entry.summary : undefined;
    if (hit) this.hits++;
    else this.misses++;
    return hit;
  }

  set(uri: string, size: number, mtime: number, summary: FileSummary): void {
    this.entries.set(uri, { size, mtime, summary });
    this.dirty = true;
  }

  delete(uri: string): void {
    if (this.entries.delete(uri)) this.dirty = true;
  }

  /** Keeps only the given URIs (files deleted while the server was down). */
  retain(uris: ReadonlySet<string>): void {
    for (const uri of this.entries.keys()) if (!uris.has(uri)) this.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes the cache atomically; never throws (a read-only disk just means no warm start). */
  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, v8.serialize({ version: analysisVersion, entries: this.entries }));
      fs.renameSync(temporary, this.file);
      this.dirty = false;
    } catch {
      // ignore
    }
  }
}

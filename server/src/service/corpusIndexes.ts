// Keeps the cross-file indexes (quote families, entities) current file by file: a change
// removes that file's old postings and adds its new ones, never touching other files.
import { QuoteIndex } from '../analysis/quotes';
import { EntityIndex } from '../analysis/entities';
import { BoilerplateIndex } from '../analysis/cleaning';
import type { CorpusObserver } from './corpus';
import type { FileAnalysis } from './fileAnalysis';

export interface CorpusIndexOptions {
  /** Link quotations across files (not needed by `copydesk check` nor `copydesk entities`). */
  quotes?: boolean;
  /** Count repeated lines across files (not needed by `copydesk entities` nor `copydesk quotes`). */
  boilerplate?: boolean;
}

export class CorpusIndexes implements CorpusObserver {
  constructor(private readonly options: CorpusIndexOptions = {}) {}

  readonly quotes = new QuoteIndex();
  readonly entities = new EntityIndex();
  readonly boilerplate = new BoilerplateIndex();
  /**
   * While indexing runs (deferNames), the names of files read from disk wait here and join the entity
   * index together at the end (flushNames). Fed one by one, every hover or diagnostic asked meanwhile
   * re-clustered the names of all files read since the one before (at 10k articles: hovers of 0.2-0.6 s
   * for as long as indexing ran). Open documents (which hold their text) join at once.
   */
  private deferred: Map<string, FileAnalysis> | undefined;
  private deferring = 0;

  /** Indexing starts: names from disk wait for flushNames. Calls nest (a new run may start before the last ends). */
  deferNames(): void {
    this.deferring++;
    this.deferred ??= new Map();
  }

  /** Indexing ended: the waiting names join the entity index (clustered by the next query). */
  flushNames(): void {
    if (this.deferring > 0) this.deferring--;
    if (this.deferring > 0 || !this.deferred) return;
    const waiting = this.deferred;
    this.deferred = undefined;
    this.entities.setFiles((function* () {
      for (const [uri, file] of waiting) yield [uri, file.mentions()] as const;
    })());
  }

  fileChanged(file: FileAnalysis): void {
    if (this.deferred && !file.hasText) this.deferred.set(file.uri, file);
    else {
      this.deferred?.delete(file.uri);
      this.entities.setFile(file.uri, file.mentions());
    }
    if (this.options.quotes !== false) this.quotes.setFile(file.uri, file.quotes());
    if (this.options.boilerplate !== false) this.boilerplate.setFileKeys(file.uri, file.boilerplateKeys());
  }

  fileRemoved(uri: string): void {
    this.deferred?.delete(uri);
    this.entities.removeFile(uri);
    this.quotes.removeFile(uri);
    this.boilerplate.removeFile(uri);
  }
}

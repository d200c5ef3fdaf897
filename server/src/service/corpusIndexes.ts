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

  fileChanged(file: FileAnalysis): void {
    this.entities.setFile(file.uri, file.mentions());
    if (this.options.quotes !== false) this.quotes.setFile(file.uri, file.quotes());
    if (this.options.boilerplate !== false) this.boilerplate.setFileKeys(file.uri, file.boilerplateKeys());
  }

  fileRemoved(uri: string): void {
    this.entities.removeFile(uri);
    this.quotes.removeFile(uri);
    this.boilerplate.removeFile(uri);
  }
}

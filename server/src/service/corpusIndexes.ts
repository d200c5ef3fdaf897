// Keeps the cross-file indexes (quote families, entities) current file by file: a change
// removes that file's old postings and adds its new ones, never touching other files.
import { QuoteIndex } from '../analysis/quotes';
import { EntityIndex } from '../analysis/entities';
import type { CorpusObserver } from './corpus';
import type { FileAnalysis } from './fileAnalysis';

export class CorpusIndexes implements CorpusObserver {
  readonly quotes = new QuoteIndex();
  readonly entities = new EntityIndex();

  fileChanged(file: FileAnalysis): void {
    this.entities.setFile(file.uri, file.mentions());
    this.quotes.setFile(file.uri, file.quotes());
  }

  fileRemoved(uri: string): void {
    this.entities.removeFile(uri);
    this.quotes.removeFile(uri);
  }
}

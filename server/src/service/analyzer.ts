// Where files indexed from disk are analysed: in this thread (tests, small corpora) or in
// worker threads (the server), so a second core shortens indexing.
import { summarizeBytes, type FileSummary } from './fileAnalysis';

export interface Analyzer {
  summarize(uri: string, bytes: Uint8Array): Promise<FileSummary>;
  /** A batch (an indexing run) is over: let go of what only analysing needs (workers restart on demand). */
  idle(): void;
  dispose(): void;
}

export class InProcessAnalyzer implements Analyzer {
  async summarize(uri: string, bytes: Uint8Array): Promise<FileSummary> {
    return summarizeBytes(uri, bytes);
  }
  idle(): void {}
  dispose(): void {}
}

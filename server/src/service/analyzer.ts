// Where files indexed from disk are analysed: in this thread (tests, small corpora) or in
// worker threads (the server), so a second core shortens indexing.
import { summarizeBytes, type FileSummary } from './fileAnalysis';

export interface Analyzer {
  summarize(uri: string, bytes: Uint8Array): Promise<FileSummary>;
  /**
   * Reads a local file where it is analysed and summarises it; rejects with a readable message when
   * the file cannot be read. Absent when reading there would not pay (the caller reads the bytes).
   */
  summarizeFile?(uri: string, path: string): Promise<FileSummary>;
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

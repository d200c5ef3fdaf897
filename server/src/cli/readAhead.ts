// The CLI loads the files it was given one after another, in the order named, so that its reports
// come out the same on every run. A worker pool would then get one file at a time and the second
// core would idle. ReadAheadAnalyzer reads and sends the next files to the pool before the corpus
// asks for them, and answers each request from that head start.
import * as fs from 'node:fs';
import type { Analyzer } from '../service/analyzer';
import type { FileSummary } from '../service/fileAnalysis';

interface Ahead {
  bytes: Uint8Array;
  summary: Promise<FileSummary>;
}

export class ReadAheadAnalyzer implements Analyzer {
  private readonly position = new Map<string, number>();
  private readonly ahead = new Map<string, Ahead>();
  /** The next file of `files` to read ahead. */
  private next = 0;

  /**
   * `files`: the URIs and local paths in the order the corpus will ask for them. `depth`: how many of
   * the files after the one asked for are under way (enough to keep every worker busy between requests).
   * Files over `maxBytes` are not read: the corpus skips them unread.
   */
  constructor(
    private readonly inner: Analyzer,
    private readonly files: ReadonlyArray<{ uri: string; path: string }>,
    private readonly maxBytes: number,
    private readonly depth = 32,
  ) {
    files.forEach((f, i) => this.position.set(f.uri, i));
  }

  summarize(uri: string, bytes: Uint8Array): Promise<FileSummary> {
    const at = this.position.get(uri);
    if (at !== undefined && this.next <= at) this.next = at + 1; // this one is asked for now
    const early = this.ahead.get(uri);
    this.ahead.delete(uri);
    // The bytes read ahead must be those the corpus read (its text is kept beside the summary):
    // a file that changed in between is analysed again.
    const summary = early && Buffer.from(early.bytes.buffer, early.bytes.byteOffset, early.bytes.byteLength).equals(bytes)
      ? early.summary.catch(() => this.inner.summarize(uri, bytes))
      : this.inner.summarize(uri, bytes);
    this.readAhead();
    return summary;
  }

  private readAhead(): void {
    while (this.ahead.size < this.depth && this.next < this.files.length) {
      const { uri, path } = this.files[this.next++];
      let bytes: Uint8Array;
      try {
        if (fs.statSync(path).size > this.maxBytes) continue;
        bytes = fs.readFileSync(path);
      } catch {
        continue; // the corpus reads it again and reports it
      }
      const summary = this.inner.summarize(uri, bytes);
      summary.catch(() => undefined); // answered (or retried) when asked for
      this.ahead.set(uri, { bytes, summary });
    }
  }

  idle(): void {
    this.inner.idle();
  }

  dispose(): void {
    this.ahead.clear();
    this.inner.dispose();
  }
}

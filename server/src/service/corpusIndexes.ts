// Keeps the cross-file indexes (quote families, entities) current file by file: a change
// removes that file's old postings and adds its new ones, never touching other files.
import { QuoteIndex } from '../analysis/quotes';
import { EntityIndex, type ClusterSnapshot, type Mention } from '../analysis/entities';
import { BoilerplateIndex } from '../analysis/cleaning';
import type { CorpusObserver } from './corpus';
import type { FileAnalysis } from './fileAnalysis';

export interface CorpusIndexOptions {
  /** Link quotations across files (not needed by `copydesk check` nor `copydesk entities`). */
  quotes?: boolean;
  /** Count repeated lines across files (not needed by `copydesk entities` nor `copydesk quotes`). */
  boilerplate?: boolean;
}

/** Each file's URI and mentions, as the entity index takes them. */
function* namesOf(files: Iterable<FileAnalysis>): Generator<readonly [string, readonly Mention[]]> {
  for (const file of files) yield [file.uri, file.mentions()] as const;
}

/**
 * A new entity index of these files (reusing `hint` when it fits, see ClusterSnapshot) and its clustering,
 * for the next session. The changes a caller replays into the index afterwards are not in that
 * clustering: their files' names differ from what it records, so the session that finds them clusters
 * afresh.
 */
function* buildWithClusters(files: FileAnalysis[], hint: ClusterSnapshot | undefined): Generator<void, { index: EntityIndex; clusters: ClusterSnapshot }> {
  const index = yield* EntityIndex.build(namesOf(files), hint);
  const clusters = index.clustersRestored && hint ? hint : yield* index.clusterSnapshotSteps();
  return { index, clusters };
}

/** Fewer waiting files than this join the current entity index at once instead of a background build. */
const BACKGROUND_BUILD_MIN = 256;

export class CorpusIndexes implements CorpusObserver {
  constructor(private readonly options: CorpusIndexOptions = {}) {}

  readonly quotes = new QuoteIndex();
  readonly boilerplate = new BoilerplateIndex();
  private entityIndex = new EntityIndex();
  /** The entity index. Indexing's end may replace it by one built in the background (flushNamesInSteps). */
  get entities(): EntityIndex {
    return this.entityIndex;
  }
  /** Every file's latest analysis: what a background build of the entity index starts from. */
  private readonly latest = new Map<string, FileAnalysis>();
  /**
   * While indexing runs (deferNames), the names of files read from disk wait here and join the entity
   * index together at the end (flushNames). Fed one by one, every hover or diagnostic asked meanwhile
   * re-clustered the names of all files read since the one before (at 10k articles: hovers of 0.2-0.6 s
   * for as long as indexing ran). Open documents join at once.
   */
  private deferred: Map<string, FileAnalysis> | undefined;
  private deferring = 0;
  /** A background build under way: the files that changed since it started (replayed before it takes over). */
  private build: { changed: Set<string> } | undefined;
  /**
   * The clustering a background build may reuse (an earlier session's, from the warm-start cache): used
   * when every file has the same names as when it was made (see ClusterSnapshot), dropped after the build.
   */
  clusterHint: ClusterSnapshot | undefined;
  /** The clustering of the last background build, before the changes made meanwhile (see takeClusters). */
  private builtClusters: ClusterSnapshot | undefined;

  /** Indexing starts: names from disk wait for flushNames. Calls nest (a new run may start before the last ends). */
  deferNames(): void {
    this.deferring++;
    this.deferred ??= new Map();
    this.build = undefined; // a build under way is abandoned: the new run's end builds again
  }

  /** Indexing ended: the waiting names join the entity index at once (clustered by the next query). */
  flushNames(): void {
    if (this.lastRunEnded()) this.applyDeferred();
  }

  /**
   * Indexing ended (the server's way): when many names wait, a new entity index of every file is built
   * and clustered in steps (run them in slices) while the current one keeps answering, as it did while
   * indexing ran; files that change meanwhile are replayed into the new index before it takes over.
   * Clustering 10,000 articles' names at once blocked whatever request came next for over a second (at
   * 50,000, several). When few names wait, or the current index already knows most of their files (a
   * re-index), they join the current index at once, as flushNames does.
   */
  *flushNamesInSteps(): Generator<void, void> {
    const hint = this.clusterHint;
    this.clusterHint = undefined;
    if (!this.lastRunEnded()) return;
    // Few names, or a re-index whose files the current index already knows (their unchanged names only
    // move, nothing is clustered again): they join the current index at once.
    if (this.deferred!.size < BACKGROUND_BUILD_MIN || this.entityIndex.fileCount * 2 >= this.deferred!.size) {
      this.applyDeferred();
      return;
    }
    const build = (this.build = { changed: new Set<string>() });
    let done = false;
    try {
      const steps = buildWithClusters([...this.latest.values()], hint);
      let step = steps.next();
      while (!step.done) {
        yield;
        if (this.build !== build) return; // a new indexing run began: its end builds again
        step = steps.next();
      }
      const { index: fresh, clusters } = step.value;
      this.builtClusters = clusters;
      for (const uri of build.changed) {
        const file = this.latest.get(uri);
        if (file) fresh.setFile(uri, file.mentions());
        else fresh.removeFile(uri);
      }
      this.entityIndex = fresh;
      this.deferred = undefined;
      this.build = undefined;
      done = true;
    } finally {
      // Stopped by an error: the waiting names join the current index, as flushNames would.
      if (!done && this.build === build) this.applyDeferred();
    }
  }

  /** The clustering of the last background build (once: the caller keeps it, in the warm-start cache). */
  takeClusters(): ClusterSnapshot | undefined {
    const clusters = this.builtClusters;
    this.builtClusters = undefined;
    return clusters;
  }

  /** A run ends (nesting counted down); whether it was the last and names wait. */
  private lastRunEnded(): boolean {
    if (this.deferring > 0) this.deferring--;
    return this.deferring === 0 && this.deferred !== undefined;
  }

  /** The waiting names join the current entity index at once (a build under way is abandoned). */
  private applyDeferred(): void {
    this.build = undefined;
    const waiting = this.deferred;
    this.deferred = undefined;
    if (waiting) this.entityIndex.setFiles(namesOf(waiting.values()));
  }

  fileChanged(file: FileAnalysis): void {
    this.latest.set(file.uri, file);
    this.build?.changed.add(file.uri);
    if (this.deferred && !file.hasText) this.deferred.set(file.uri, file);
    else {
      this.deferred?.delete(file.uri);
      this.entityIndex.setFile(file.uri, file.mentions());
    }
    if (this.options.quotes !== false) this.quotes.setFile(file.uri, file.quotes());
    if (this.options.boilerplate !== false) this.boilerplate.setFileKeys(file.uri, file.boilerplateKeys());
  }

  fileRemoved(uri: string): void {
    this.latest.delete(uri);
    this.build?.changed.add(uri);
    this.deferred?.delete(uri);
    this.entityIndex.removeFile(uri);
    this.quotes.removeFile(uri);
    this.boilerplate.removeFile(uri);
  }
}

// A small pool of worker threads running summarizeBytes (dist/analysisWorker.js). A path (the
// worker reads the file) or bytes go in and summaries come back by structured clone; a crashed
// worker is replaced and its files are analysed in this thread instead, so nothing is lost.
// Workers start with the first job and stop after a few idle seconds: between indexing runs their
// heaps (model, lexicons, caches: tens of MB each) would otherwise stay resident for nothing.
import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Analyzer } from './analyzer';
import { summarizeBytes, type FileSummary } from './fileAnalysis';
import { readLocalFile } from './nodeWorkspace';

interface Job {
  id: number;
  uri: string;
  /** The file's bytes, or its path for the worker to read (the main thread then never holds them). */
  bytes?: Uint8Array;
  path?: string;
  resolve: (summary: FileSummary) => void;
  reject: (error: Error) => void;
}

/** A worker's answer: a summary, an analysis that threw, or a file it could not read. */
interface Reply {
  id: number;
  summary?: FileSummary;
  error?: string;
  readError?: string;
}

/** What this thread does with a job whose worker failed: the same analysis, here. */
function summarizeHere(job: Job): void {
  let bytes = job.bytes;
  if (!bytes) {
    try {
      bytes = readLocalFile(job.path!);
    } catch (error) {
      job.reject(error as Error);
      return;
    }
  }
  job.resolve(summarizeBytes(job.uri, bytes));
}

interface Slot {
  worker: Worker;
  busy: Map<number, Job>;
}

/** How long an idle pool waits before stopping its workers. */
const IDLE_MS = 5000;
/**
 * A worker's young generation (V8's default is 48 MB per thread): a file's analysis garbage fits in
 * far less. Measured at 10k articles: peak RSS 619 → 535 MB, same indexing time; 4 MB was slower.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

export class WorkerAnalyzer implements Analyzer {
  private readonly workers: Slot[] = [];
  private nextId = 1;
  private next = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Workers started so far (for tests). */
  started = 0;

  constructor(
    private readonly script: string,
    private readonly size = Math.max(1, Math.min(4, (os.availableParallelism?.() ?? os.cpus().length))),
    private readonly idleMs = IDLE_MS,
  ) {}

  /**
   * A worker analyser when the worker script exists (the bundled server), else in-process.
   * COPYDESK_WORKERS sets the pool size (0: analyse in this thread), for benchmarks.
   */
  static create(script: string): Analyzer | undefined {
    const requested = process.env.COPYDESK_WORKERS === undefined ? undefined : Number(process.env.COPYDESK_WORKERS);
    if (requested === 0 || !fs.existsSync(script)) return undefined;
    return new WorkerAnalyzer(script, requested !== undefined && requested > 0 ? Math.min(8, Math.floor(requested)) : undefined);
  }

  /** Number of running workers. */
  get running(): number {
    return this.workers.length;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }), busy: new Map<number, Job>() };
    this.started++;
    slot.worker.unref();
    slot.worker.on('message', (message: Reply) => {
      const job = slot.busy.get(message.id);
      if (!job) return;
      slot.busy.delete(message.id);
      if (message.summary) job.resolve(message.summary);
      else if (message.readError !== undefined) job.reject(new Error(message.readError));
      else summarizeHere(job);
      this.scheduleIdleStop();
    });
    const fail = () => {
      const index = this.workers.indexOf(slot);
      if (index < 0) return;
      this.workers.splice(index, 1);
      const orphans = [...slot.busy.values()];
      slot.busy.clear();
      for (const job of orphans) summarizeHere(job);
      this.scheduleIdleStop();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', fail);
    this.workers.push(slot);
    return slot;
  }

  summarize(uri: string, bytes: Uint8Array): Promise<FileSummary> {
    return this.post({ uri, bytes });
  }

  /** The worker reads the file: this thread neither reads it nor copies its bytes to the worker. */
  summarizeFile(uri: string, path: string): Promise<FileSummary> {
    return this.post({ uri, path });
  }

  private post(work: { uri: string; bytes?: Uint8Array; path?: string }): Promise<FileSummary> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    if (this.workers.length < this.size) this.spawn();
    return new Promise((resolve, reject) => {
      // The least busy worker, round-robin among equals.
      let best = this.workers[this.next++ % this.workers.length];
      for (const slot of this.workers) if (slot.busy.size < best.busy.size) best = slot;
      const id = this.nextId++;
      // Bytes are copied, not transferred: the job keeps them for the in-thread fallback.
      const job: Job = { id, ...work, resolve, reject };
      best.busy.set(id, job);
      best.worker.postMessage({ id, ...work });
    });
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer || this.workers.some((slot) => slot.busy.size > 0)) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.workers.some((slot) => slot.busy.size > 0)) return;
      this.stopAll();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private stopAll(): void {
    for (const slot of this.workers.splice(0)) {
      slot.worker.removeAllListeners('exit');
      slot.worker.removeAllListeners('error');
      slot.worker.on('error', () => {}); // a late error of a stopping worker is not a crash
      void slot.worker.terminate();
    }
  }

  /**
   * Stops idle workers now rather than after IDLE_MS: at the end of an indexing run the main thread
   * goes on to cluster the corpus and write the cache, and two idle worker heaps (tens of MB each)
   * made the peak memory of the run. Busy workers (a file changed meanwhile) finish first.
   */
  idle(): void {
    if (this.workers.some((slot) => slot.busy.size > 0)) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.stopAll();
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.stopAll();
  }
}

// A small pool of worker threads running summarizeBytes (dist/analysisWorker.js). Bytes go
// in and summaries come back by structured clone; a crashed worker is replaced and
// its files are analysed in this thread instead, so nothing is lost.
import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Analyzer } from './analyzer';
import { summarizeBytes, type FileSummary } from './fileAnalysis';

interface Job {
  id: number;
  uri: string;
  bytes: Uint8Array;
  resolve: (summary: FileSummary) => void;
}

export class WorkerAnalyzer implements Analyzer {
  private readonly workers: Array<{ worker: Worker; busy: Map<number, Job> }> = [];
  private nextId = 1;
  private next = 0;

  constructor(private readonly script: string, size = Math.max(1, Math.min(4, (os.availableParallelism?.() ?? os.cpus().length)))) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /**
   * A worker analyser when the worker script exists (the bundled server), else in-process.
   * COPYDESK_WORKERS sets the pool size (0: analyse in this thread), for benchmarks.
   */
  static create(script: string): Analyzer | undefined {
    const requested = process.env.COPYDESK_WORKERS === undefined ? undefined : Number(process.env.COPYDESK_WORKERS);
    if (requested === 0 || !fs.existsSync(script)) return undefined;
    return new WorkerAnalyzer(script, requested !== undefined && requested > 0 ? Math.min(8, Math.floor(requested)) : undefined);
  }

  private spawn(): void {
    const slot = { worker: new Worker(this.script), busy: new Map<number, Job>() };
    slot.worker.unref();
    slot.worker.on('message', (message: { id: number; summary?: FileSummary; error?: string }) => {
      const job = slot.busy.get(message.id);
      if (!job) return;
      slot.busy.delete(message.id);
      job.resolve(message.summary ?? summarizeBytes(job.uri, job.bytes));
    });
    const fail = () => {
      const index = this.workers.indexOf(slot);
      if (index < 0) return;
      this.workers.splice(index, 1);
      for (const job of slot.busy.values()) job.resolve(summarizeBytes(job.uri, job.bytes));
      slot.busy.clear();
      this.spawn();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', fail);
    this.workers.push(slot);
  }

  summarize(uri: string, bytes: Uint8Array): Promise<FileSummary> {
    return new Promise((resolve) => {
      // The least busy worker, round-robin among equals.
      let best = this.workers[this.next++ % this.workers.length];
      for (const slot of this.workers) if (slot.busy.size < best.busy.size) best = slot;
      const id = this.nextId++;
      // The bytes are copied, not transferred: the job keeps them for the in-thread fallback.
      const job: Job = { id, uri, bytes, resolve };
      best.busy.set(id, job);
      best.worker.postMessage({ id, uri, bytes });
    });
  }

  dispose(): void {
    for (const slot of this.workers.splice(0)) {
      slot.worker.removeAllListeners('exit');
      void slot.worker.terminate();
    }
  }
}

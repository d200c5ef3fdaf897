// The warm-start cache: each indexed file's summary, keyed by URI and checked against the
// file's size and mtime and the analysis version, in one file in the extension's storage
// folder. Safe to delete; a damaged or outdated cache is ignored.
//
// The file is a sequence of chunks, each a 4-byte length and a v8-serialised value: first
// `{ format, version, clusters }` (clusters: the entity clustering of the corpus, see ClusterSnapshot),
// then arrays of up to CHUNK_ENTRIES [uri, entry] pairs. Written a
// chunk at a time, so saving 10,000 summaries after indexing never holds a second, serialised copy of
// all of them (one whole-map buffer was ~45 MB at 10k articles, on top of the peak of indexing).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { FileSummary } from './fileAnalysis';
import type { ClusterSnapshot } from '../analysis/entities';

declare const __ANALYSIS_VERSION__: string;
/** Changes whenever the analysis code changes (a hash injected by esbuild.js). */
export const analysisVersion: string = typeof __ANALYSIS_VERSION__ === 'string' ? __ANALYSIS_VERSION__ : 'dev';

/** Layout of the cache file; a file of another layout is ignored. */
const FORMAT = 3;
const CHUNK_ENTRIES = 256;

interface Entry {
  size: number;
  mtime: number;
  summary: FileSummary;
}

export class AnalysisCache {
  private entries = new Map<string, Entry>();
  /**
   * How the entity index clustered the corpus's names when the cache was written: the build at the end
   * of a warm start reuses it for the same names instead of clustering them again.
   */
  private clusterSnapshot: ClusterSnapshot | undefined;
  private dirty = false;
  /** Bumped by every change: an asynchronous save that started before a change leaves the cache dirty. */
  private changes = 0;
  /** Temporary files of asynchronous saves still under way (a synchronous save, at exit, removes them). */
  private readonly writing = new Set<string>();
  /** Lookups answered and missed since the last load, for the log. */
  hits = 0;
  misses = 0;

  constructor(readonly file: string | undefined) {}

  static inFolder(folder: string | undefined): AnalysisCache {
    return new AnalysisCache(folder ? path.join(folder, 'analysis-cache.bin') : undefined);
  }

  load(): void {
    if (!this.file) return;
    this.removeStaleTemporaries();
    try {
      // Read whole: at start-up nothing else is in memory yet, and one read is the fastest.
      const steps = this.parse(fs.readFileSync(this.file));
      while (!steps.next().done);
    } catch {
      // missing or unreadable: start empty
    }
  }

  /**
   * load(), reading the file off the main thread (the server lists the corpus meanwhile) and giving
   * the event loop a turn after each chunk: read at once, 10,000 summaries held up whatever request
   * came meanwhile for about half a second.
   */
  async loadAsync(giveWay = () => new Promise<void>((resolve) => setImmediate(resolve))): Promise<void> {
    if (!this.file) return;
    this.removeStaleTemporaries();
    try {
      const steps = this.parse(await fs.promises.readFile(this.file));
      while (!steps.next().done) await giveWay();
    } catch {
      // missing or unreadable: start empty
    }
  }

  /** Temporary files of saves that never finished (a server killed while writing). */
  private removeStaleTemporaries(): void {
    try {
      const base = path.basename(this.file!);
      for (const name of fs.readdirSync(path.dirname(this.file!))) {
        if (name.startsWith(`${base}.`) && name.endsWith('.tmp') && !name.startsWith(`${base}.${process.pid}.`)) {
          fs.rmSync(path.join(path.dirname(this.file!), name), { force: true });
        }
      }
    } catch {
      // no folder yet, or not ours to clean: nothing to do
    }
  }

  /** Reads the entries, a step per chunk; they replace the current ones at the end, if all is well. */
  private *parse(data: Buffer): Generator<void, void> {
    try {
      const reader = { data, at: 0 };
      const header = readChunk(reader) as { format?: unknown; version?: unknown; clusters?: unknown } | undefined;
      if (header?.format !== FORMAT || header.version !== analysisVersion) return;
      const clusters = isClusterSnapshot(header.clusters) ? header.clusters : undefined;
      const entries = new Map<string, Entry>();
      for (let chunk = readChunk(reader); chunk !== undefined; chunk = readChunk(reader)) {
        if (!Array.isArray(chunk)) return;
        for (const [uri, entry] of chunk as Array<[string, Entry]>) entries.set(uri, entry);
        yield;
      }
      // Files analysed while the cache was being read are newer than what it says of them.
      for (const [uri, entry] of this.entries) entries.set(uri, entry);
      this.entries = entries;
      this.clusterSnapshot ??= clusters;
    } catch {
      // damaged: start empty
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
    this.changes++;
  }

  delete(uri: string): void {
    if (this.entries.delete(uri)) {
      this.dirty = true;
      this.changes++;
    }
  }

  /** Keeps only the given URIs (files deleted while the server was down). */
  retain(uris: ReadonlySet<string>): void {
    for (const uri of this.entries.keys()) if (!uris.has(uri)) this.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The corpus's entity clustering as last written (see clusterSnapshot). */
  get clusters(): ClusterSnapshot | undefined {
    return this.clusterSnapshot;
  }

  /** Keeps a new clustering (the same one again changes nothing: a warm start rewrites no cache). */
  setClusters(clusters: ClusterSnapshot): void {
    if (clusters === this.clusterSnapshot) return;
    this.clusterSnapshot = clusters;
    this.dirty = true;
    this.changes++;
  }

  /**
   * save() a chunk at a time with the event loop running in between (10k articles: ~45 MB; at 50k
   * the synchronous write held every request for seconds right after indexing). `between` is awaited
   * before each chunk: the server uses it to write only while nobody is typing.
   */
  async saveAsync(between?: () => Promise<void>): Promise<void> {
    if (!this.file || !this.dirty) return;
    const changes = this.changes;
    const temporary = `${this.file}.${process.pid}.${++saves}.tmp`;
    this.writing.add(temporary);
    let handle: fs.promises.FileHandle | undefined;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      handle = await fs.promises.open(temporary, 'w');
      for (const bytes of this.chunks()) {
        await between?.();
        await writeAll(handle, bytes);
      }
      await handle.close();
      handle = undefined;
      await fs.promises.rename(temporary, this.file); // fails if a synchronous save (at exit) removed it
      if (this.changes === changes) this.dirty = false;
    } catch {
      await handle?.close().catch(() => undefined);
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    } finally {
      this.writing.delete(temporary);
    }
  }

  /** The file's chunks, made one at a time: the header, then the entries CHUNK_ENTRIES at a time. */
  private *chunks(): Generator<Buffer> {
    yield chunkBytes({ format: FORMAT, version: analysisVersion, clusters: this.clusterSnapshot });
    let chunk: Array<[string, Entry]> = [];
    for (const pair of this.entries) {
      chunk.push(pair);
      if (chunk.length === CHUNK_ENTRIES) {
        yield chunkBytes(chunk);
        chunk = [];
      }
    }
    if (chunk.length) yield chunkBytes(chunk);
  }

  /** Writes the cache atomically; never throws (a read-only disk just means no warm start). */
  save(): void {
    if (!this.file || !this.dirty) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fd = fs.openSync(temporary, 'w');
      for (const bytes of this.chunks()) {
        for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
      }
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(temporary, this.file);
      this.dirty = false;
      // An asynchronous save still under way is superseded: its file goes (and its rename then fails).
      for (const other of this.writing) fs.rmSync(other, { force: true });
      this.writing.clear();
    } catch {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(temporary, { force: true });
    }
  }
}

let saves = 0;

async function writeAll(handle: fs.promises.FileHandle, bytes: Buffer): Promise<void> {
  for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
}

/** Whether a value read back has the shape of a ClusterSnapshot (its contents are checked where it is used). */
function isClusterSnapshot(value: unknown): value is ClusterSnapshot {
  const v = value as Partial<ClusterSnapshot> | undefined;
  return !!v && Array.isArray(v.files) && v.counts instanceof Uint32Array && v.hashes instanceof Int32Array && v.clusterOf instanceof Int32Array && v.types instanceof Uint8Array;
}

/** A chunk as stored: its length (4 bytes) and its v8-serialised value. */
function chunkBytes(value: unknown): Buffer {
  const body = v8.serialize(value);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return Buffer.concat([length, body]);
}


/** The next chunk's value, or undefined at the end; throws on a truncated chunk or a foreign file. */
function readChunk(reader: { data: Buffer; at: number }): unknown {
  const { data, at } = reader;
  if (at === data.length) return undefined;
  if (at + 4 > data.length) throw new Error('truncated cache');
  const end = at + 4 + data.readUInt32LE(at);
  if (end > data.length) throw new Error('truncated or foreign cache');
  reader.at = end;
  const deserializer = new CopyingDeserializer(data.subarray(at + 4, end));
  deserializer.readHeader();
  return deserializer.readValue();
}

/**
 * Node's deserializer returns typed arrays as views into the buffer it reads, so every summary's
 * line and mention columns kept the whole cache file alive (45 MB at 10,000 articles, measured in a
 * heap snapshot after a warm start). This one copies each typed array out.
 */
class CopyingDeserializer extends v8.DefaultDeserializer {
  _readHostObject(): unknown {
    const view = (v8.DefaultDeserializer.prototype as unknown as { _readHostObject(this: v8.Deserializer): unknown })._readHostObject.call(this);
    if (Buffer.isBuffer(view)) return Buffer.from(view);
    return ArrayBuffer.isView(view) ? (view as Uint8Array).slice() : view;
  }
}

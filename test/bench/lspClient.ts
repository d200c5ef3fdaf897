// A minimal LSP client over stdio for the benchmark: spawns `node dist/server.js --stdio`
// exactly as an editor would, frames JSON-RPC with Content-Length headers, answers the
// server's requests with null, and lets the benchmark wait for notifications.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Waiter {
  method: string;
  match: (params: Json) => boolean;
  resolve: (params: Json) => void;
}

export interface ServerOptions {
  serverPath: string;
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Extra environment variables for the server process (e.g. COPYDESK_WORKERS). */
  env?: Record<string, string>;
}

export class LspClient {
  readonly process: ChildProcess;
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Where the body of the message being read starts and ends in the buffered bytes (-1: header not read yet). */
  private bodyStart = 0;
  private messageEnd = -1;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Json) => void; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];
  /** Every window/logMessage text, in order. */
  readonly logs: string[] = [];
  /** Latest publishDiagnostics per URI. */
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Json[] }>();
  private exited = false;
  private readonly exitPromise: Promise<number | null>;

  constructor(options: ServerOptions) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: options.env ? { ...process.env, ...options.env } : process.env,
    });
    this.exitPromise = new Promise((resolve) => this.process.on('exit', (code) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code})`));
      this.pending.clear();
      resolve(code);
    }));
    this.process.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  get pid(): number {
    return this.process.pid!;
  }

  /**
   * Frames messages without copying the stream for every chunk: a large answer (thousands of
   * locations, over a megabyte) arrives in 64 KB chunks, and joining each to all before it was
   * quadratic (as vscode-jsonrpc's reader does, chunks are kept until a whole message is there).
   */
  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.messageEnd < 0) {
        const head = this.flatten();
        const headerEnd = head.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const header = head.subarray(0, headerEnd).toString('ascii');
        const m = /Content-Length: *(\d+)/i.exec(header);
        if (!m) throw new Error(`bad header from server: ${header}`);
        this.bodyStart = headerEnd + 4;
        this.messageEnd = this.bodyStart + Number(m[1]);
      }
      if (this.buffered < this.messageEnd) return;
      const all = this.flatten();
      const body = all.subarray(this.bodyStart, this.messageEnd).toString('utf8');
      const rest = all.subarray(this.messageEnd);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
      this.messageEnd = -1;
      this.onMessage(JSON.parse(body));
    }
  }

  /** The buffered chunks as one buffer (kept as the only chunk). */
  private flatten(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }

  private onMessage(message: Json): void {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else p.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      // A request from the server (configuration, registration, progress): answer null.
      this.write({ jsonrpc: '2.0', id: message.id, result: null });
      return;
    }
    const params = message.params;
    if (message.method === 'window/logMessage') this.logs.push(String(params?.message ?? ''));
    if (message.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.set(params.uri, { version: params.version, diagnostics: params.diagnostics });
    }
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.method === message.method && w.match(params)) w.resolve(params);
      else still.push(w);
    }
    this.waiters = still;
  }

  private write(message: Json): void {
    if (this.exited) throw new Error('server has exited');
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<R = Json>(method: string, params: Json): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the params of the next notification `method` that matches (registered before it arrives). */
  waitFor(method: string, match: (params: Json) => boolean = () => true, timeoutMs = 600_000): Promise<Json> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`));
      }, timeoutMs);
      const waiter: Waiter = { method, match, resolve: (p) => { clearTimeout(timer); resolve(p); } };
      this.waiters.push(waiter);
    });
  }

  /** Peak and current resident set of the server process, in MB (Linux /proc). */
  memory(): { peakRssMb: number; rssMb: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit, as an editor does; waits for the process to end (kills it after 10 s). */
  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 10_000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    await this.exitPromise;
    clearTimeout(timer);
  }
}

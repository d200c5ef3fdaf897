// A minimal JSON-RPC client over stdio for the protocol tests: it starts the real bundled
// server (dist/server.js) as a child process and speaks to it as an editor would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string | number;
  source?: string;
  message: string;
  severity?: number;
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  readonly logs: string[] = [];
  stderr = '';
  exit?: { code: number | null; signal: string | null };
  /** Answers for server → client requests, by method. */
  configuration: unknown = {};

  constructor(serverPath = path.resolve('dist/server.js'), nodeArgs: string[] = []) {
    this.process = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.process.on('exit', (code, signal) => {
      this.exit = { code, signal };
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(message);
    }
  }

  private onMessage(message: any): void {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else pending?.resolve(message.result);
    } else if (message.id !== undefined) {
      let result: unknown = null;
      if (message.method === 'workspace/configuration') result = message.params.items.map(() => this.configuration);
      this.send({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.set(message.params.uri, { version: message.params.version, diagnostics: message.params.diagnostics });
    } else if (message.method === 'window/logMessage') {
      this.logs.push(message.params.message);
    }
  }

  send(message: unknown): void {
    const body = JSON.stringify(message);
    this.process.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request<T = any>(method: string, params: unknown, timeoutMs = 20000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`timeout waiting for ${method}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async initialize(folder?: string, initializationOptions?: unknown): Promise<any> {
    const rootUri = folder ? pathToFileURL(folder).href : null;
    const result = await this.request('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri,
      workspaceFolders: folder ? [{ uri: rootUri, name: path.basename(folder) }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
        window: { workDoneProgress: false },
        textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: {} },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'plaintext'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Polls until the server has published diagnostics for this version of the document. */
  async waitForDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<Diagnostic[]> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const published = this.diagnostics.get(uri);
      if (published && (version === undefined || published.version === version)) return published.diagnostics;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no diagnostics for ${uri}${version !== undefined ? ` version ${version}` : ''}`);
  }

  async shutdown(): Promise<void> {
    if (this.exit) return;
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.exit) return resolve();
      const timer = setTimeout(() => (this.process.kill('SIGKILL'), resolve()), 3000);
      this.process.on('exit', () => (clearTimeout(timer), resolve()));
    });
  }
}

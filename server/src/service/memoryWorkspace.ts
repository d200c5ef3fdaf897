import type { FileStat, FoundFile, ListOptions, Workspace } from './workspace';

/** An in-memory corpus for tests; counts reads so a test can prove a cache avoided I/O. */
export class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  reads = 0;

  constructor(readonly root = 'file:///corpus', files: Record<string, string | Uint8Array> = {}) {
    for (const [name, content] of Object.entries(files)) this.write(name, content);
  }

  uri(relativePath: string): string {
    return `${this.root}/${relativePath}`;
  }

  write(relativePath: string, content: string | Uint8Array): string {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const uri = this.uri(relativePath);
    this.files.set(uri, { bytes, mtime: Date.now() });
    return uri;
  }

  delete(relativePath: string): string {
    const uri = this.uri(relativePath);
    this.files.delete(uri);
    return uri;
  }

  async *listFiles(folderUri: string, options: ListOptions): AsyncIterable<FoundFile> {
    for (const [uri, file] of [...this.files]) {
      if (!uri.startsWith(folderUri + '/')) continue;
      const relative = uri.slice(folderUri.length + 1);
      if (options.include(relative) && !options.exclude(relative)) {
        yield { uri, size: file.bytes.length, mtime: file.mtime };
      }
    }
  }

  async readFile(uri: string): Promise<Uint8Array> {
    this.reads++;
    const file = this.files.get(uri);
    if (!file) throw new Error(`${uri}: no such file or folder`);
    return file.bytes;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = this.files.get(uri);
    return file ? { size: file.bytes.length, mtime: file.mtime } : undefined;
  }
}

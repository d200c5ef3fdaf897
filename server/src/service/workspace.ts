// All file access of the service goes through this interface, so the service can run
// against the real disk (nodeWorkspace) or an in-memory corpus in tests (memoryWorkspace).

export interface FileStat {
  size: number;
  mtime: number;
}

export interface FoundFile extends FileStat {
  /** file:// URI */
  uri: string;
}

export interface ListOptions {
  /** Matches a path relative to the folder; only matching files are listed. */
  include: (relativePath: string) => boolean;
  /** Matches relative paths; an excluded folder is never read. */
  exclude: (relativePath: string) => boolean;
  isCancelled?: () => boolean;
}

export interface Workspace {
  /** Lists the corpus files under a folder URI. Never throws: unreadable entries are skipped. */
  listFiles(folderUri: string, options: ListOptions): AsyncIterable<FoundFile>;
  /** Reads a file's bytes; rejects with a readable message if it cannot. */
  readFile(uri: string): Promise<Uint8Array>;
  stat(uri: string): Promise<FileStat | undefined>;
  /** The file-system path of a URI, when another thread may read the file itself (the real disk only). */
  localPath?(uri: string): string | undefined;
}

// Reads the files and folders named on the command line into a Corpus, the same engine
// the language server uses, remembering how each file was named for the report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Corpus } from '../service/corpus';
import { WorkerAnalyzer } from '../service/workerAnalyzer';
import { ReadAheadAnalyzer } from './readAhead';
import { NodeWorkspace, describeFsError } from '../service/nodeWorkspace';
import { compileGlob, compileGlobs } from '../service/glob';
import type { Settings } from '../service/settings';
import { configFileName, mergeSettings, parseProjectConfig, type IgnoreEntry } from '../service/projectConfig';

export class UsageError extends Error {}

/**
 * From this many files on, a worker pool analyses them (COPYDESK_WORKERS=N asks for one at any size, 0
 * for none). Each worker warms its compiler up on its own share, so on this 2-core machine the pool
 * only paid from ~3,000 articles: 1,718 took 4.2 s in one thread and 4.75 s with two workers, 3,668
 * took 7.9 s and 7.6 s, 10,000 took 20.9 s and 16.7 s.
 */
const WORKERS_FROM_FILES = 3000;

export interface LoadedCorpus {
  corpus: Corpus;
  /** URI → path as the user named it (or relative to the folder they named). */
  displayPath: Map<string, string>;
  settings: Settings;
  /** Ignored occurrences from `.copydesk.json`, and the folder their paths are relative to. */
  ignore: IgnoreEntry[];
  configRoot?: string;
}

/** The nearest `.copydesk.json` at or above a path: the corpus root. */
function findProjectConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    const candidate = path.join(dir, configFileName);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadCorpus(paths: string[], rawSettings?: unknown): Promise<LoadedCorpus> {
  if (paths.length === 0) throw new UsageError('name at least one file or folder');
  const configFile = findProjectConfig(paths[0]);
  const project = parseProjectConfig(configFile ? fs.readFileSync(configFile, 'utf8') : undefined);
  if (project.error) process.stderr.write(`copydesk: ${configFile}: ${project.error}\n`);
  const settings = mergeSettings(project, rawSettings);
  const workspace = new NodeWorkspace();
  const displayPath = new Map<string, string>();
  const include = compileGlob(settings.files);
  const exclude = compileGlobs(settings.exclude);
  const uris: string[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      throw new InputError(describeFsError(error, given));
    }
    if (stat.isDirectory()) {
      for await (const found of workspace.listFiles(pathToFileURL(path.resolve(given)).href, { include, exclude })) {
        const relative = path.relative(path.resolve(given), new URL(found.uri).pathname.replace(/%20/g, ' '));
        displayPath.set(found.uri, path.join(given, decodeURIComponent(relative)));
        uris.push(found.uri);
      }
    } else {
      const uri = pathToFileURL(path.resolve(given)).href;
      displayPath.set(uri, given);
      uris.push(uri);
    }
  }
  const wantsPool = uris.length >= WORKERS_FROM_FILES || Number(process.env.COPYDESK_WORKERS) > 0;
  const pool = wantsPool ? WorkerAnalyzer.create(path.join(__dirname, 'analysisWorker.js')) : undefined;
  const analyzer = pool && new ReadAheadAnalyzer(pool, uris.map((uri) => ({ uri, path: fileURLToPath(uri) })), settings.maxFileSizeMb * 1024 * 1024);
  const corpus = new Corpus(workspace, settings, { keepText: true, analyzer });
  try {
    for (const uri of uris) {
      const file = await corpus.loadFromDisk(uri);
      if (!file) throw new InputError(`${displayPath.get(uri)}: could not be read`);
    }
  } finally {
    analyzer?.dispose();
  }
  return { corpus, displayPath, settings, ignore: project.ignore, configRoot: configFile ? path.dirname(configFile) : undefined };
}

/** Unreadable input: exit code 2 with the message. */
export class InputError extends Error {}

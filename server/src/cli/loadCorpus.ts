// Reads the files and folders named on the command line into a Corpus, the same engine
// the language server uses, remembering how each file was named for the report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Corpus } from '../service/corpus';
import { NodeWorkspace, describeFsError } from '../service/nodeWorkspace';
import { compileGlob, compileGlobs } from '../service/glob';
import type { Settings } from '../service/settings';
import { configFileName, mergeSettings, parseProjectConfig, type IgnoreEntry } from '../service/projectConfig';

export class UsageError extends Error {}

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
  const corpus = new Corpus(workspace, settings, { keepText: true });
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
  for (const uri of uris) {
    const file = await corpus.loadFromDisk(uri);
    if (!file) throw new InputError(`${displayPath.get(uri)}: could not be read`);
  }
  return { corpus, displayPath, settings, ignore: project.ignore, configRoot: configFile ? path.dirname(configFile) : undefined };
}

/** Unreadable input: exit code 2 with the message. */
export class InputError extends Error {}

import type { LoadedCorpus } from './loadCorpus';

export function runQuotesCommand(_loaded: LoadedCorpus, format: string): number {
  process.stdout.write(format === 'json' ? JSON.stringify({ families: [] }) + '\n' : 'No quote families.\n');
  return 0;
}

export function runEntitiesCommand(_loaded: LoadedCorpus, format: string): number {
  process.stdout.write(format === 'json' ? JSON.stringify({ entities: [] }) + '\n' : 'No entities.\n');
  return 0;
}

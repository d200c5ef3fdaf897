#!/usr/bin/env node
// The command-line interface: the same engine as the language server, over whole folders.
//   copydesk check [--format text|json|sarif] PATHS…
//   copydesk fix [--dry-run] [--encoding NAME] [--rule ID]… PATHS…
// Exit codes: 0 clean, 1 problems found (check) or files changed (fix --dry-run), 2 bad usage or unreadable input.
import { collectProblems, formatSarif, formatText } from './cli/checkCommand';
import { fixFiles } from './cli/fixCommand';
import { InputError, UsageError, loadCorpus } from './cli/loadCorpus';
import { runQuotesCommand, runEntitiesCommand } from './cli/corpusCommands';

const usage = `Usage:
  copydesk check [--format text|json|sarif] [--exit-zero] PATHS…
                                                     report problems (exit 1 if any,
                                                     unless --exit-zero)
  copydesk fix [--dry-run] [--encoding NAME] [--rule ID]… PATHS…
                                                     apply safe fixes in place
  copydesk quotes [--format text|json] PATHS…        quotations printed by several articles
  copydesk entities [--format text|json] PATHS…      people, organisations and places
PATHS are files or folders (folders are searched for **/*.{txt,article}).`;

interface Parsed {
  command: string;
  format: string;
  dryRun: boolean;
  exitZero: boolean;
  encoding?: string;
  rules: string[];
  paths: string[];
}

function parse(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') throw new UsageError('');
  const parsed: Parsed = { command, format: 'text', dryRun: false, exitZero: false, rules: [], paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format') parsed.format = value();
    else if (arg.startsWith('--format=')) parsed.format = arg.slice(9);
    else if (arg === '--dry-run') parsed.dryRun = true;
    else if (arg === '--exit-zero') parsed.exitZero = true;
    else if (arg === '--encoding') parsed.encoding = value();
    else if (arg === '--rule') parsed.rules.push(value());
    else if (arg === '--') parsed.paths.push(...rest.slice(i + 1)), (i = rest.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else parsed.paths.push(arg);
  }
  const formats: Record<string, string[]> = { check: ['text', 'json', 'sarif'], fix: ['text'], quotes: ['text', 'json'], entities: ['text', 'json'] };
  if (!formats[parsed.command]) throw new UsageError(`unknown command ${parsed.command}`);
  if (!formats[parsed.command].includes(parsed.format)) throw new UsageError(`--format ${parsed.format} is not one of ${formats[parsed.command].join(', ')}`);
  return parsed;
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  const loaded = await loadCorpus(args.paths);
  switch (args.command) {
    case 'check': {
      const result = collectProblems(loaded);
      const out = args.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : args.format === 'sarif' ? formatSarif(result) : formatText(result);
      process.stdout.write(out);
      return result.problems.length > 0 && !args.exitZero ? 1 : 0;
    }
    case 'fix': {
      const report = fixFiles(loaded, { dryRun: args.dryRun, encoding: args.encoding, rules: args.rules.length ? new Set(args.rules) : undefined });
      process.stdout.write(report.output);
      for (const refusal of report.refused) process.stderr.write(`copydesk: ${refusal}\n`);
      process.stderr.write(`${report.changedFiles} file${report.changedFiles === 1 ? '' : 's'} ${args.dryRun ? 'would change' : 'changed'}, ${report.fixes} fixes.\n`);
      if (report.refused.length > 0) return 2;
      return args.dryRun && report.changedFiles > 0 ? 1 : 0;
    }
    case 'quotes':
      return runQuotesCommand(loaded, args.format);
    case 'entities':
      return runEntitiesCommand(loaded, args.format);
  }
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`copydesk: ${error.message}\n`);
      process.stderr.write(usage + '\n');
      process.exitCode = error.message ? 2 : 0;
    } else if (error instanceof InputError) {
      process.stderr.write(`copydesk: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`copydesk: internal error: ${error?.stack ?? error}\n`);
      process.exitCode = 2;
    }
  },
);

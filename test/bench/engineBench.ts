// Per-rule throughput of the pure analysis core, in-process, over the articles of a generated
// corpus (MB of UTF-8 per second, best of a few rounds, one document at a time as the server
// analyses them), plus the corpus indexes fed with those results.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { controlCharacterRule, invisibleCharacterRule, mojibakeRule, readableView, replacementCharacterRule } from '../../server/src/analysis/encoding';
import { repeatedWordRule } from '../../server/src/analysis/repeatedWord';
import { extractQuotes, QuoteIndex } from '../../server/src/analysis/quotes';
import { EntityIndex, recognizeEntities, type Mention } from '../../server/src/analysis/entities';
import { readConll } from '../../server/src/analysis/entities/conll';
import { decodeFile } from '../../server/src/service/decode';
import { FileAnalysis } from '../../server/src/service/fileAnalysis';
import { resolveSettings } from '../../server/src/service/settings';
import { load, round } from './lspBench';

function listFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (/\.(txt|article)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Reads articles of the corpus in path order until `maxBytes`. */
export function loadTexts(dir: string, maxBytes: number): { texts: string[]; bytes: number } {
  const texts: string[] = [];
  let bytes = 0;
  for (const file of listFiles(dir)) {
    if (bytes >= maxBytes) break;
    const data = fs.readFileSync(file);
    texts.push(data.toString('utf8'));
    bytes += data.length;
  }
  return { texts, bytes };
}

/**
 * The generated corpus repeats its invented names and sentence templates, which the recogniser's word
 * and sentence caches serve; real news has a vocabulary of tens of thousands of words. This rate is
 * over the GMB training text of the shared data beside the project (`../shared/data/ner`; public-domain
 * news, 5.5 MB, 35,000 distinct words, one token per line there, read back as text 20 sentences to a
 * document), or null without it.
 */
function newsTextRate(rounds: number, recognize: (text: string) => void): number | null {
  const found = path.resolve('..', 'shared', 'data', 'ner', 'gmb', 'train.txt'); // run.js runs from the project root
  if (!fs.existsSync(found)) return null;
  const sentences = readConll(fs.readFileSync(found, 'utf8')).map((s) => s.words.join(' '));
  const texts: string[] = [];
  let bytes = 0;
  for (let i = 0; i + 20 <= sentences.length; i += 20) {
    const text = sentences.slice(i, i + 20).join(' ');
    texts.push(text);
    bytes += Buffer.byteLength(text);
  }
  return round(bytes / 1e6 / best(rounds, () => { for (const t of texts) recognize(t); }), 1);
}

function best(rounds: number, run: () => void): number {
  let seconds = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    run();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return seconds;
}

export function engineBench(dir: string, maxBytes: number, rounds = 3): Record<string, unknown> {
  const { texts, bytes } = loadTexts(dir, maxBytes);
  const mb = bytes / 1e6;
  const rate = (seconds: number) => round(mb / seconds, 1);
  let sink = 0;
  const rule = (check: (t: string) => unknown[]) => rate(best(rounds, () => { for (const t of texts) sink += check(t).length; }));

  const encodingRules = [mojibakeRule, replacementCharacterRule, controlCharacterRule, invisibleCharacterRule];
  const out: Record<string, unknown> = { input_articles: texts.length, input_mb: round(mb, 1) };
  out.encoding_mb_per_s = rate(best(rounds, () => { for (const t of texts) for (const r of encodingRules) sink += r.check(t).length; }));
  for (const r of encodingRules) out[`encoding_${r.id.replace(/-/g, '_')}_mb_per_s`] = rule((t) => r.check(t));
  out.repeated_words_mb_per_s = rule((t) => repeatedWordRule.check(t));
  out.readable_view_mb_per_s = rate(best(rounds, () => { for (const t of texts) sink += readableView(t).text.length; }));

  // Quote extraction reads the repaired view and the persons the recogniser found, as FileAnalysis does.
  const views = texts.map((t) => readableView(t).text);
  const mentions: Mention[][] = [];
  out.entities_mb_per_s = rate(best(rounds, () => { mentions.length = 0; for (const v of views) mentions.push(recognizeEntities(v)); }));
  out.entities_news_text_mb_per_s = newsTextRate(rounds, (t) => (sink += recognizeEntities(t).length));
  const persons = mentions.map((ms) => ms.filter((m) => m.type === 'person').map((m) => ({ start: m.start, end: m.end, name: m.text })));
  const quotes = views.map((v, i) => extractQuotes(v, persons[i]));
  out.quote_extraction_mb_per_s = rate(best(rounds, () => { views.forEach((v, i) => (sink += extractQuotes(v, persons[i]).length)); }));

  // Decoding bytes, as indexing does.
  const buffers = texts.map((t) => Buffer.from(t, 'utf8'));
  out.decode_mb_per_s = rate(best(rounds, () => { for (const b of buffers) sink += decodeFile(b).text.length; }));

  // The corpus indexes, fed with every file's results (what indexing adds on top of the rules).
  out.quote_index_build_s = round(best(rounds, () => { const q = new QuoteIndex(); quotes.forEach((qs, i) => q.setFile(`file:///${i}`, qs)); }), 3);
  const quoteIndex = new QuoteIndex();
  quotes.forEach((qs, i) => quoteIndex.setFile(`file:///${i}`, qs));
  out.quote_index_families_s = round(best(1, () => { sink += quoteIndex.families(2).length; }), 3);
  const entityIndex = new EntityIndex();
  mentions.forEach((ms, i) => entityIndex.setFile(`file:///${i}`, ms));
  out.entity_cluster_s = round(best(rounds, () => { entityIndex.setFile('file:///0', mentions[0]); sink += entityIndex.entities().length; }), 3);

  // Everything the server computes per file while indexing (problems, mentions, quotes).
  const settings = resolveSettings(undefined);
  out.file_analysis_mb_per_s = rate(best(Math.min(rounds, 2), () => {
    texts.forEach((text, i) => {
      const f = new FileAnalysis({ uri: `file:///${i}`, version: 1, text, encoding: 'utf8' });
      sink += f.problems(settings).length + f.mentions().length + f.quotes().length;
    });
  }));
  out.load = load();
  if (sink < 0) console.error(sink);
  return out;
}

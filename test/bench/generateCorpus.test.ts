import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWorld, generateArticle, generateCorpus, iterateCorpus, misdecodeCp1252, type GeneratedArticle } from './generateCorpus';

const N = 3000;
const corpus = generateCorpus({ articles: N, seed: 11 });
const clean = corpus.filter((a) => a.truth.mojibake === 0);
const byFamily = new Map<string, GeneratedArticle[]>();
for (const a of corpus) for (const q of a.truth.quotes) if (q.family.startsWith('q')) byFamily.set(q.family, [...(byFamily.get(q.family) ?? []), a]);

function fraction(pred: (a: GeneratedArticle) => boolean): number {
  return corpus.filter(pred).length / corpus.length;
}

/** Fold curly quote marks and apostrophes to straight ones. */
function fold(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

/** Lower-cased words, apostrophes inside words kept ("we'll"). */
function tokens(s: string): string[] {
  return (fold(s).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((t) => t.replace(/^'+|'+$/g, '')).filter((t) => t);
}

function indexOfRun(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

test('same seed gives identical bytes, another seed a different corpus', () => {
  const a = generateCorpus({ articles: 200, seed: 5 });
  const b = generateCorpus({ articles: 200, seed: 5 });
  assert.deepEqual(a.map((x) => x.path), b.map((x) => x.path));
  assert.ok(a.every((x, i) => x.text === b[i].text));
  const c = generateCorpus({ articles: 200, seed: 6 });
  assert.ok(a.filter((x, i) => x.text === c[i].text).length === 0);
});

test('article i depends only on the world and i (random access, streaming)', () => {
  const options = { articles: N, seed: 11 };
  const world = buildWorld(options);
  for (const i of [0, 17, 1234, N - 1]) assert.equal(generateArticle(world, i).text, corpus[i].text);
  let i = 0;
  for (const a of iterateCorpus({ articles: 50, seed: 11, events: Math.ceil(N / 40) })) {
    assert.equal(typeof a.text, 'string');
    i++;
  }
  assert.equal(i, 50);
});

test('sizes: about 5 KB per article, in outlet subfolders, .txt and .article', () => {
  const bytes = corpus.map((a) => Buffer.byteLength(a.text));
  const mean = bytes.reduce((s, b) => s + b, 0) / bytes.length;
  assert.ok(mean > 4500 && mean < 6000, `mean ${mean}`);
  assert.ok(Math.min(...bytes) > 3000, `min ${Math.min(...bytes)}`);
  assert.ok(Math.max(...bytes) < 10000, `max ${Math.max(...bytes)}`);
  const folders = new Set(corpus.map((a) => a.path.split('/')[0]));
  assert.equal(folders.size, 12);
  assert.ok(corpus.every((a) => /^[a-z0-9-]+\/\d{6}-[a-z0-9-]*\.(txt|article)$/.test(a.path)), 'path shape');
  assert.equal(new Set(corpus.map((a) => a.path)).size, N, 'paths are unique');
  assert.ok(corpus.some((a) => a.path.endsWith('.article')));
  assert.ok(corpus.every((a) => a.text.endsWith('\n') && !a.text.includes('\r')));
  const small = generateCorpus({ articles: 30, outlets: 3, events: 2, seed: 2 });
  assert.equal(new Set(small.map((a) => a.path.split('/')[0])).size, 3);
  assert.equal(new Set(small.map((a) => a.truth.event)).size, 2);
});

test('mojibake in about 1 article in 20, and only there', () => {
  const rate = fraction((a) => a.truth.mojibake > 0);
  assert.ok(rate > 0.03 && rate < 0.075, `rate ${rate}`);
  const damage = /Â|Ã.|â€/;
  for (const a of corpus) assert.equal(damage.test(a.text), a.truth.mojibake > 0, a.path);
  assert.ok(corpus.some((a) => /Â\u00a0/.test(a.text)), 'Â + no-break space');
  assert.ok(corpus.some((a) => /Â\n/.test(a.text)), 'bare Â at a line end');
  assert.ok(corpus.some((a) => /â€œ|â€™/.test(a.text)), 'damaged curly quotes and apostrophes');
  assert.equal(misdecodeCp1252('’ “x” — café\u00a0').text, 'â€™ â€œxâ€ â€” cafÃ©Â\u00a0');
});

test('doubled words in about 1 article in 10; no accidental doubles', () => {
  const rate = fraction((a) => a.truth.doubledWords.length > 0);
  assert.ok(rate > 0.07 && rate < 0.14, `rate ${rate}`);
  const gram = fraction((a) => a.truth.grammaticalDoubles.length > 0);
  assert.ok(gram > 0.1, `grammatical doubles ${gram}`);
  for (const a of corpus) {
    const lines = a.text.split('\n');
    const expected = new Set([
      ...a.truth.doubledWords.map((d) => `${d.line}:${d.word} ${d.word}`),
      ...a.truth.grammaticalDoubles.map((g) => `${g.line}:${g.text}`),
    ]);
    const found = new Set<string>();
    lines.forEach((l, i) => {
      for (const m of l.matchAll(/(?<![\p{L}\p{N}'’])([\p{L}\p{N}]+)[ \u00a0]+\1(?![\p{L}\p{N}])/giu)) found.add(`${i + 1}:${m[0].toLowerCase().replace(/\s+/, ' ')}`);
    });
    assert.deepEqual([...found].sort(), [...expected].sort(), a.path);
  }
});

test('quote families: printed across outlets, in every variant, text matches the canonical quote', () => {
  const withFamily = fraction((a) => a.truth.quotes.some((q) => q.family.startsWith('q') && q.variant !== 'headline'));
  assert.ok(withFamily > 0.8 && withFamily < 0.95, `articles with a shared quote ${withFamily}`);
  const variants = new Map<string, number>();
  for (const a of corpus) for (const q of a.truth.quotes) if (q.family.startsWith('q')) variants.set(q.variant, (variants.get(q.variant) ?? 0) + 1);
  const total = [...variants.values()].reduce((s, n) => s + n, 0);
  for (const [v, lo, hi] of [['full', 0.35, 0.6], ['split', 0.12, 0.3], ['truncated', 0.08, 0.25], ['edited', 0.08, 0.25], ['headline', 0.01, 0.1]] as const) {
    const share = (variants.get(v) ?? 0) / total;
    assert.ok(share > lo && share < hi, `${v} ${share}`);
  }
  const multiOutlet = [...byFamily.values()].filter((arts) => new Set(arts.map((a) => a.truth.outlet)).size >= 3).length;
  assert.ok(multiOutlet / byFamily.size > 0.5, `families printed by 3+ outlets: ${multiOutlet}/${byFamily.size}`);

  const world = buildWorld({ articles: N, seed: 11 });
  const canonical = new Map(world.quotes.map((q) => [q.id, tokens(q.text)]));
  for (const a of clean) {
    const lines = a.text.split('\n');
    for (const q of a.truth.quotes) {
      if (!q.family.startsWith('q')) continue;
      const line = lines[q.line - 1];
      const want = canonical.get(q.family)!;
      const where = `${a.path}:${q.line} ${q.variant}`;
      const got = tokens(line);
      if (q.variant === 'full') assert.ok(indexOfRun(got, want) >= 0, where);
      else if (q.variant === 'edited') {
        assert.ok(indexOfRun(got, want) < 0, where);
        const deletion = want.some((_, i) => indexOfRun(got, [...want.slice(0, i), ...want.slice(i + 1)]) >= 0);
        const substitution = got.some((_, s) => s + want.length <= got.length && want.filter((w, i) => w !== got[s + i]).length === 1);
        assert.ok(deletion || substitution, where);
      } else if (q.variant === 'split') {
        const said = got.findIndex((t, i) => (t === 'he' || t === 'she') && got[i + 1] === 'said');
        assert.ok(said > 0 && indexOfRun([...got.slice(0, said), ...got.slice(said + 2)], want) >= 0, where);
      } else {
        const span = q.variant === 'headline' ? /'(.+)'$/.exec(fold(line)) : /"([^"]+)"/.exec(fold(line));
        assert.ok(span && tokens(span[1]).length >= 4 && indexOfRun(want, tokens(span[1])) >= 0, where);
      }
    }
  }
  // Both mark styles and both apostrophe styles occur across the corpus.
  assert.ok(corpus.some((a) => a.text.includes('“')) && corpus.some((a) => /"[A-Z]/.test(a.text)));
  assert.ok(corpus.some((a) => /[a-z]’[a-z]/.test(a.text)) && corpus.some((a) => /[a-z]'[a-z]/.test(a.text)));
  // Multi-paragraph quotes: “ opens every paragraph, ” closes only the last.
  const multi = corpus.flatMap((a) => a.truth.quotes.filter((q) => q.paragraphs).map((q) => ({ a, q })));
  assert.ok(multi.length > 0);
  for (const { a, q } of multi.filter((m) => m.a.truth.mojibake === 0)) {
    const lines = a.text.split('\n').filter((l) => l);
    const start = a.text.split('\n')[q.line - 1];
    const i = lines.indexOf(start);
    const paras = lines.slice(i, i + q.paragraphs!);
    assert.ok(paras.every((p) => /^["“]/.test(p)), a.path);
    assert.ok(/["”]$/.test(paras[paras.length - 1]) && paras.slice(0, -1).every((p) => !/["”]$/.test(p)), a.path);
  }
});

test('entities: recurring people under several forms, two transliterations, acronyms', () => {
  const forms = new Map<string, Set<string>>();
  for (const a of clean) {
    const lines = a.text.split('\n');
    for (const m of a.truth.mentions) {
      assert.ok(lines[m.line - 1].includes(m.form), `${a.path}:${m.line} ${m.form}`);
      if (!forms.has(m.entity)) forms.set(m.entity, new Set());
      forms.get(m.entity)!.add(m.form);
    }
  }
  const world = buildWorld({ articles: N, seed: 11 });
  const people = world.people.filter((p) => forms.has(p.id));
  const shapes = (p: (typeof people)[number]) => {
    const f = [...forms.get(p.id)!];
    return {
      titled: f.some((x) => p.title && x.startsWith(p.title + ' ') && x.split(' ').length > p.title.split(' ').length + 1),
      honorific: f.some((x) => /^(Mr|Ms) /.test(x)),
      bare: f.includes(p.surname),
      firstNames: new Set(f.filter((x) => !/^(Mr|Ms) /.test(x) && x.split(' ').length >= 2).map((x) => x.split(' ').slice(-2, -1)[0])).size,
    };
  };
  const s = people.map(shapes);
  assert.ok(s.filter((x) => x.titled && x.honorific && x.bare).length > 20, 'people seen as Title Name, Mr/Ms Name, Name');
  assert.ok(s.filter((x) => x.firstNames >= 2).length > 10, 'people seen under two transliterations');
  assert.ok(world.organisations.filter((o) => o.names.length === 2 && !o.acronym && forms.get(o.id)?.size === 2).length > 5, 'organisations under two spellings');
  assert.ok(world.organisations.some((o) => o.acronym && forms.get(o.id)?.has(o.acronym)), 'acronyms');
  assert.ok(corpus.some((a) => /^[A-Z ]+, [A-Z][a-z]+.* \(.+\) — /m.test(a.text)), 'datelines');
});

test('scraper residue and footers', () => {
  const world = buildWorld({ articles: N, seed: 11 });
  for (const o of world.outlets) {
    const mine = corpus.filter((a) => a.truth.outlet === o.id && a.truth.mojibake === 0);
    for (const f of o.footer) assert.ok(mine.every((a) => a.text.includes(f + '\n')), `${o.name} footer`);
  }
  const footers = world.outlets.flatMap((o) => o.footer);
  assert.ok(footers.length > new Set(footers).size, 'a footer line shared by two outlets');
  const residue = (kind: string) => corpus.filter((a) => a.truth.residue.includes(kind)).length;
  assert.ok(residue('media-player') > 50 && corpus.some((a) => a.text.includes('\nNo media source currently available\n')));
  assert.ok(residue('triple-space') > 10 && corpus.some((a) => a.text.includes(' the   ')));
  assert.ok(residue('spaced-abbreviation') > 10 && corpus.some((a) => a.text.includes('U. S.')));
  assert.ok(residue('quote-apostrophe') > 5 && corpus.some((a) => /[a-z]"s /.test(a.text)));
  assert.ok(corpus.filter((a) => a.truth.scareQuotes > 0).length > N / 5);
});

test('speed: 5,000 articles (25 MB) in seconds of CPU time', () => {
  // CPU time rather than wall time, so a busy machine does not fail the test. Alone this takes
  // about 2 s (50,000 articles: about 20 s).
  const before = process.cpuUsage();
  let bytes = 0;
  for (const a of iterateCorpus({ articles: 5000, seed: 3 })) bytes += a.text.length;
  const used = process.cpuUsage(before);
  const seconds = (used.user + used.system) / 1e6;
  assert.ok(bytes > 22e6, `bytes ${bytes}`);
  assert.ok(seconds < 10, `${seconds.toFixed(2)} s of CPU`);
});

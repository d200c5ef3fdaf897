import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { recognizeEntities, tagTokens, tagDocument, Mention, recognizerFailures } from './recognize';
import { tokenize, tokenizeWith } from './tokenize';
import { assertSameAsFresh, randomTexts, randomVersions } from '../testing/randomText';
import { readConll, scoreSpans, formatScores, splitWikiGold, Scores } from './conll';

const DATA = '/work/shared/data/ner';
const has = (p: string) => fs.existsSync(p);

function evalSet(name: string, file: string, pick?: (s: ReturnType<typeof readConll>) => ReturnType<typeof readConll>): Scores {
  let sents = readConll(fs.readFileSync(file, 'utf8'));
  if (pick) sents = pick(sents);
  const sc = scoreSpans(sents.map((s) => s.tags), sents.map((s) => tagTokens(s.words)));
  console.log(`[ner] ${name.padEnd(22)} ${formatScores(sc)}`);
  return sc;
}

test('held-out shared data: per-type P/R/F1 (token-level input)', { skip: !has(DATA) && 'no shared data' }, () => {
  const gmb = evalSet('GMB dev', `${DATA}/gmb/dev.txt`);
  const wg = evalSet('WikiGold held-out', `${DATA}/wikigold/all.txt`, (s) => splitWikiGold(s).heldOut);
  const uner = evalSet('UNER-EWT dev', `${DATA}/uner-en-ewt/dev.txt`);
  // ALL-CAPS copy of WikiGold held-out: headline robustness (newswire headlines and some tables are ALL CAPS)
  const wgUp = evalSet('WikiGold held-out CAPS', `${DATA}/wikigold/all.txt`, (s) => splitWikiGold(s).heldOut.map((x) => ({ words: x.words.map((w) => w.toUpperCase()), tags: x.tags })));
  assert.ok(gmb.ALL.f >= 0.88, `GMB dev F1 ${gmb.ALL.f}`);
  assert.ok(gmb.PER.f >= 0.86 && gmb.LOC.f >= 0.93 && gmb.ORG.f >= 0.73);
  assert.ok(wg.ALL.f >= 0.58, `WikiGold F1 ${wg.ALL.f}`);
  assert.ok(uner.ALL.f >= 0.585, `UNER F1 ${uner.ALL.f}`);
  assert.ok(wgUp.ALL.f >= 0.44, `WikiGold ALL-CAPS F1 ${wgUp.ALL.f}`);
  // WikiGold held-out by document (-DOCSTART-): document-level consistency across the sentences
  const held = splitWikiGold(readConll(fs.readFileSync(`${DATA}/wikigold/all.txt`, 'utf8'))).heldOut;
  const gold: string[][] = [], pred: string[][] = [];
  let doc: typeof held = [];
  const flush = () => { if (doc.length) { const p = tagDocument(doc.map((x) => x.words)); doc.forEach((x, i) => { gold.push(x.tags); pred.push(p[i]); }); } doc = []; };
  for (const x of held) { if (x.words[0] === '-DOCSTART-') flush(); else doc.push(x); }
  flush();
  const wgDoc = scoreSpans(gold, pred);
  console.log(`[ner] ${'WikiGold held-out doc'.padEnd(22)} ${formatScores(wgDoc)}`);
  assert.ok(wgDoc.ALL.f >= 0.62, `WikiGold by document F1 ${wgDoc.ALL.f}`);
  // a rule that throws loses a whole document's entities without a word: none may throw on these sets
  assert.equal(recognizerFailures, 0);
});

/**
 * A CoNLL-style file read as text, as the CLI and the editor read articles: each sentence's tokens joined by
 * spaces on a line of its own ("People 's", "U.S. ,"), documents of `perDocument` sentences (or split at
 * -DOCSTART-); each mention tags the tokens inside it.
 */
function scoreAsText(sents: ReturnType<typeof readConll>, perDocument: number): Scores {
  const gold: string[][] = [], pred: string[][] = [];
  const short = { person: 'PER', organization: 'ORG', place: 'LOC' } as const;
  let doc: typeof sents = [];
  const flush = () => {
    let text = '';
    const offsets: number[][] = [];
    for (const s of doc) {
      const at: number[] = [];
      s.words.forEach((w, j) => {
        if (j > 0) text += ' ';
        at.push(text.length);
        text += w;
      });
      offsets.push(at);
      text += '\n';
    }
    const mentions = recognizeEntities(text);
    doc.forEach((s, i) => {
      const tags = s.words.map(() => 'O');
      for (const m of mentions) {
        let first = true;
        s.words.forEach((w, j) => {
          if (offsets[i][j] >= m.start && offsets[i][j] + w.length <= m.end) { tags[j] = `${first ? 'B' : 'I'}-${short[m.type]}`; first = false; }
        });
      }
      gold.push(s.tags);
      pred.push(tags);
    });
    doc = [];
  };
  for (const s of sents) {
    if (s.words[0] === '-DOCSTART-') { if (doc.length) flush(); continue; }
    doc.push(s);
    if (doc.length >= perDocument) flush();
  }
  if (doc.length) flush();
  return scoreSpans(gold, pred);
}

test('held-out shared data read as text, the way a CoNLL file joined by spaces reaches the CLI', { skip: !has(DATA) && 'no shared data' }, () => {
  const gmb = scoreAsText(readConll(fs.readFileSync(`${DATA}/gmb/dev.txt`, 'utf8')), 20);
  const wg = scoreAsText(splitWikiGold(readConll(fs.readFileSync(`${DATA}/wikigold/all.txt`, 'utf8'))).heldOut, 1000);
  console.log(`[ner] ${'GMB dev as text'.padEnd(22)} ${formatScores(gmb)}`);
  console.log(`[ner] ${'WikiGold as text'.padEnd(22)} ${formatScores(wg)}`);
  assert.ok(gmb.ALL.f >= 0.885, `GMB dev as text F1 ${gmb.ALL.f}`);
  assert.ok(wg.ALL.f >= 0.64, `WikiGold as text F1 ${wg.ALL.f}`);
});

// Original news-like fixtures; [[text|T]] marks a gold mention (P person, O organization, L place).
const FIXTURES = [
  '[[BRUSSELS|L]] ([[Reuters|O]]) -- [[NATO|O]] Secretary-General [[Jens Stoltenberg|P]] on Monday urged [[Turkey|L]] and [[Greece|L]] to settle their dispute over the [[Aegean|L]] before the summit in [[Madrid|L]].',
  'German Chancellor [[Angela Merkel|P]] met French President [[Emmanuel Macron|P]] in [[Berlin|L]] on Friday, a spokesman for the [[European Commission|O]] said.',
  '[[Maria Gonzalez|P]], a spokeswoman for the [[World Health Organization|O]], told reporters in [[Geneva|L]] that cases in [[Brazil|L]] had doubled.',
  'Mr. [[Okafor|P]] said [[Shell|O]] would leave the [[Niger Delta|L]] by 2025, according to a statement from the [[Ministry of Petroleum|O]] in [[Abuja|L]].',
  "The [[U.N.|O]] envoy, [[Staffan de Mistura|P]], flew to [[Damascus|L]] after talks with [[Iran|L]]'s foreign minister, [[Mohammad Javad Zarif|P]].",
  'Police in [[Chicago|L]] arrested two men on Tuesday, Mayor [[Lori Lightfoot|P]] told the [[Chicago Tribune|O]].',
  "[[Osama bin Laden|P]]'s former aide was extradited from [[Pakistan|L]] to the [[United States|L]], the [[Justice Department|O]] said.",
  'Shares of [[Toyota|O]] fell 3 percent in [[Tokyo|L]] after the carmaker recalled vehicles sold in [[Canada|L]] and [[Mexico|L]].',
  'Dr. [[Anthony Fauci|P]] testified before the [[Senate|O]] health committee in [[Washington|L]] on Thursday.',
  "[[Kim Jong Un|P]] oversaw a missile launch from [[North Korea|L]]'s east coast, [[South Korea|L]]'s military said.",
  'The [[International Monetary Fund|O]] cut its forecast for [[Argentina|L]], where President [[Javier Milei|P]] has slashed spending.',
  'Rebels loyal to [[Khalifa Haftar|P]] shelled [[Tripoli|L]] overnight, the [[Libyan National Army|O]] denied any involvement.',
];

function parseFixture(src: string): { text: string; gold: Array<[number, number, string]> } {
  let text = '';
  const gold: Array<[number, number, string]> = [];
  const re = /\[\[([^|\]]+)\|([POL])\]\]/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    text += src.slice(last, m.index);
    const s = text.length;
    text += m[1];
    gold.push([s, text.length, { P: 'person', O: 'organization', L: 'place' }[m[2]]!]);
    last = m.index + m[0].length;
  }
  text += src.slice(last);
  return { text, gold };
}

/**
 * Scores annotated texts on raw text: per-type P/R/F1 printed under `label` ("fixtures"), the misses and
 * extras of each text printed; returns the overall F1.
 */
function scoreFixtures(label: string, sources: string[]): number {
  const cnt: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const t of ['person', 'organization', 'place', 'all']) cnt[t] = { tp: 0, fp: 0, fn: 0 };
  for (const src of sources) {
    const { text, gold } = parseFixture(src);
    const g = new Set(gold.map((x) => x.join(':')));
    const p = new Set(recognizeEntities(text).map((m) => [m.start, m.end, m.type].join(':')));
    for (const x of p) { const t = x.split(':')[2]; const k = g.has(x) ? 'tp' : 'fp'; cnt[t][k]++; cnt.all[k]++; }
    for (const x of g) if (!p.has(x)) { const t = x.split(':')[2]; cnt[t].fn++; cnt.all.fn++; }
    const show = (xs: string[]) => xs.map((x) => { const [a, b, t] = x.split(':'); return `${text.slice(+a, +b)}/${t}`; }).join(', ') || '-';
    const missed = [...g].filter((x) => !p.has(x)), extra = [...p].filter((x) => !g.has(x));
    if (missed.length || extra.length) console.log(`[ner] ${label.replace(/s$/, '')} miss: ${show(missed)} | extra: ${show(extra)}`);
  }
  const f = (c: { tp: number; fp: number; fn: number }) => {
    const p = c.tp / Math.max(1, c.tp + c.fp), r = c.tp / Math.max(1, c.tp + c.fn);
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  for (const t of ['person', 'organization', 'place', 'all']) {
    const s = f(cnt[t]);
    console.log(`[ner] ${label} ${t.padEnd(12)} P ${(100 * s.p).toFixed(1)} R ${(100 * s.r).toFixed(1)} F1 ${(100 * s.f).toFixed(1)}`);
  }
  return f(cnt.all).f;
}

test('own news-like fixtures: per-type P/R/F1 on raw text', () => {
  const f1 = scoreFixtures('fixtures', FIXTURES);
  assert.ok(f1 >= FIXTURE_FLOOR, `fixtures F1 ${f1}`);
});
const FIXTURE_FLOOR = 0.92;

/**
 * Original newswire-style documents (headline, dateline, body; sports, markets, politics), annotated by the
 * CoNLL conventions: clubs and companies are organisations, national teams places, nationalities and
 * events nothing. Written for this test with what the recogniser gets wrong left in.
 */
const WIRE_FIXTURES = [
  `SOCCER - [[KESTERBY|O]] HOLD [[VARNA|O]] TO GOALLESS DRAW

[[OSLAVIA|L]] 1996-11-14

[[Kesterby|O]] held [[Varna Athletic|O]] to a 0-0 draw on Wednesday, three points behind leaders [[Halden|O]]. [[Halden|O]]'s Dutch striker [[Pieter van Dam|P]] scored twice as they beat [[Rosvik|O]] 3-1.

[[Varna|O]] coach [[Henrik Aalto|P]] said his side deserved a point. [[Rosvik|O]] were beaten by [[Brannvik|O]] 2-0 last week, and [[Tromvik|O]] and [[Nordhavn|O]] drew 1-1.`,
  `CRICKET - [[KENT|O]] BEAT [[ESSEX|O]] BY 96 RUNS

[[CANTERBURY|L]], [[England|L]] 1996-08-30

[[Kent|O]] beat [[Essex|O]] by 96 runs on Friday. [[Essex|O]] captain [[Nasser Hussain|P]] made 52 before he was caught by [[Mark Ealham|P]]. [[England|L]] captain [[Mike Atherton|P]] watched from the stand.`,
  `TENNIS - [[LIND|P]] BEATS [[DAHL|P]] IN [[OSLAVIA|L]]

Second seed [[Mara Lind|P]] of [[Sweden|L]] beat [[Ilse Dahl|P]] 6-3 7-5 on Tuesday to reach the final, where she will meet American [[Kate Rowe|P]]. [[Germany|L]] beat [[Italy|L]] 2-1 in the team event.`,
  `[[Nordhavn Bank|O]] trims key rate

[[OSLAVIA|L]] 1996-11-14

[[Nordhavn Bank|O]] cut its key lending rate by a quarter point on Thursday, a spokesman said. Finance Minister [[Arne Kvale|P]] welcomed the move, telling [[Reuters|O]] the cut would help exporters. Shares in [[Kvarnholt Industries|O]] slipped 0.5 percent, while [[Moody's Investors Service|O]] kept its rating. An [[Upjohn|O]] spokesman declined to comment.`,
  `[[UN|O]] envoy urges [[Ruritania|L]] to honour ceasefire

[[GENEVA|L]] 1996-09-02

[[UN|O]] Secretary-General [[Ban Ki-moon|P]] urged [[Ruritania|L]] on Monday to honour the ceasefire. The [[Organisation of African Unity|O]] and the [[International Monetary Fund|O]] sent envoys, and Democrat [[Tom Daschle|P]] said [[Congress|O]] would debate aid. [[Disney|O]] Chief Executive [[Robert Iger|P]] pledged $5 million.`,
  `[[Turkey|L]] says talks with rebels off

[[ANKARA|L]] 1996-12-03

Mr. [[da Silva|P]], the envoy of [[Brazil|L]], left [[Ankara|L]] on Tuesday. [[Jaap de Hoop Scheffer|P]] of [[NATO|O]] said [[Turkey|L]] had asked the [[House of Commons|O]] in [[London|L]] for help on Wednesday.`,
];

test('own newswire-style documents: per-type P/R/F1 on raw text', () => {
  const f1 = scoreFixtures('wire fixtures', WIRE_FIXTURES);
  assert.ok(f1 >= WIRE_FIXTURE_FLOOR, `wire fixtures F1 ${f1}`);
});
const WIRE_FIXTURE_FLOOR = 0.85;

const find = (ms: Mention[], text: string) => ms.find((m) => m.text === text);

test('titles and honorifics stay out of person spans; title captured', () => {
  const t = 'US Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov. Mr. Tillerson later spoke to President Vladimir Putin.';
  const ms = recognizeEntities(t);
  assert.equal(find(ms, 'Rex Tillerson')?.type, 'person');
  assert.equal(find(ms, 'Rex Tillerson')?.title, 'US Secretary of State');
  assert.equal(find(ms, 'Sergei Lavrov')?.title, 'Russian Foreign Minister');
  assert.equal(find(ms, 'Vladimir Putin')?.title, 'President');
  assert.equal(find(ms, 'Tillerson')?.type, 'person');
  for (const m of ms) assert.equal(t.slice(m.start, m.end), m.text);
  assert.ok(!ms.some((m) => /^(Mr|President|Secretary)/.test(m.text)));
});

test('apposition title, possessive, particles, curly apostrophes', () => {
  const t = 'Dmitry Peskov, the Kremlin spokesman, said Syrian President Bashar al-Assad’s forces had not used gas. Assad’s allies disagreed.';
  const ms = recognizeEntities(t);
  assert.equal(find(ms, 'Dmitry Peskov')?.title, 'Kremlin spokesman');
  assert.equal(find(ms, 'Bashar al-Assad')?.type, 'person');
  assert.equal(find(ms, 'Bashar al-Assad')?.title, 'Syrian President');
  assert.equal(find(ms, 'Assad')?.type, 'person');
});

test('datelines, U.S./U.N., ALL-CAPS headline', () => {
  // the headline's "PUTIN" is the body's Putin (a headline name alone is up to the tagger)
  const t = 'PUTIN WARNS WASHINGTON OVER SYRIA STRIKES\n\nLUCCA, Italy (AP) — The U.S. and the U.N. disagreed on Monday. President Vladimir Putin spoke later.';
  const ms = recognizeEntities(t);
  assert.equal(find(ms, 'LUCCA')?.type, 'place');
  assert.equal(find(ms, 'Italy')?.type, 'place');
  assert.ok(find(ms, 'U.S.'));
  assert.equal(find(ms, 'U.N.')?.type, 'organization');
  assert.equal(find(ms, 'PUTIN')?.type, 'person');
  assert.ok(!ms.some((m) => m.text.includes('WARNS')));
});

test('a weekday after a name is no part of it, and alone names nobody', () => {
  // news puts the day right after the name: "said Ilse Varga Friday"
  const said = recognizeEntities('The talks will go on, said Ilse Varga Friday.');
  assert.deepEqual(said.map((m) => [m.text, m.type]), [['Ilse Varga', 'person']]);
  const opened = recognizeEntities('Ilse Varga Friday said the talks would go on. Friday was quiet.');
  assert.deepEqual(opened.map((m) => m.text), ['Ilse Varga']);
});

test('particles: a name may open with them after an honorific or hold them, never ends in one; a span without a capital letter names nothing', () => {
  const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  // the tagger restarts the name at the capital ("da/B-PER Silva/B-PER"), or types its parts apart
  assert.deepEqual(typed('In a televised address, Mr. da Silva said his party would win.'), ['da Silva/person']);
  assert.deepEqual(typed('Lawyers met Mr. van der Berg in Brasilia.'), ['van der Berg/person', 'Brasilia/place']);
  // the particles between a first name and the rest ("Pieter/B-PER van/O der/O Berg"), at a sentence start too
  assert.deepEqual(typed('Lawyers met Pieter van der Berg in Brasilia.'), ['Pieter van der Berg/person', 'Brasilia/place']);
  assert.deepEqual(typed('Mr. da Silva said the talks went well. Da Silva later left.'), ['da Silva/person', 'Da Silva/person']);
  // and none ends in one
  assert.deepEqual(typed('Obama de facto rules.'), ['Obama/person']);
  // particles, numbers and verbs alone are no names ("the Tour de France" read "de" as a place)
  for (const t of ['The Tour de France passed through the town.', 'Later, Jeff broke-up with Hayley because he agrees with her.']) {
    assert.ok(recognizeEntities(t).every((m) => /\p{Lu}/u.test(m.text)), typed(t).join(', '));
  }
});

test('an organisation the tagger took for a person: "an Upjohn spokesman", "Kvarnholt shareholders"', () => {
  const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(typed('An Upjohn spokesman said the plant would close.'), ['Upjohn/organization']);
  assert.deepEqual(typed('Earlier, Kvarnholt shareholders voted for the deal.'), ['Kvarnholt/organization']);
  // a person's surname stays a person's ("an Obama spokesman" after "Barack Obama")
  assert.deepEqual(typed('Barack Obama spoke first. Later, an Obama spokesman declined to comment.'), ['Barack Obama/person', 'Obama/person']);
});

test('"of Spain" after a person is where the person comes from; "President-elect", "Democrat" are titles', () => {
  const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(typed('Ilse Varga ousted Anabel Medina Garrigues of Spain in straight sets.'), ['Ilse Varga/person', 'Anabel Medina Garrigues/person', 'Spain/place']);
  assert.deepEqual(typed('Mara Lind ousted Ilse Dahl of the United States.'), ['Mara Lind/person', 'Ilse Dahl/person', 'United States/place']);
  assert.deepEqual(typed('Democrat Tom Daschle met President-elect Ilse Varga.').map((x) => x.split('/')[0]), ['Tom Daschle', 'Ilse Varga']);
  assert.ok(typed('The Republican National Committee met.').includes('Republican National Committee/organization'));
});

test('a title with capitals after its hyphen ("Secretary-General") is a title; a known organisation named before a title stays one', () => {
  const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(typed('UN Secretary-General Ban Ki-moon said the talks would resume.'), ['UN/organization', 'Ban Ki-moon/person']);
  assert.deepEqual(typed('Disney Chief Executive Mara Lind said in a statement that profits rose.'), ['Disney/organization', 'Mara Lind/person']);
  // a state before the title is no organisation
  assert.deepEqual(typed('A delegation led by Nebraska Governor Dave Heineman arrived.').filter((x) => x.endsWith('/organization')), []);
});

test('match reports in prose: clubs are organisations, national teams places, players people', () => {
  const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(typed('Kesterby beat Varna 2-1 on Saturday to go top of the table.'), ['Kesterby/organization', 'Varna/organization']);
  // a club named after its town, after "with" / "to"
  assert.deepEqual(typed('Barcelona drew 1-1 with Sevilla at the weekend.'), ['Barcelona/organization', 'Sevilla/organization']);
  assert.deepEqual(typed('Brannvik United lost 3-0 to Newcastle.'), ['Brannvik United/organization', 'Newcastle/organization']);
  assert.deepEqual(typed('Essex beat Surrey by six wickets.'), ['Essex/organization', 'Surrey/organization']);
  assert.deepEqual(typed('Germany beat Italy 2-0 in the final.'), ['Germany/place', 'Italy/place']);
  // sets, or full names, make it a match between people
  assert.deepEqual(typed('Sampras beat Agassi 6-4 6-3 to win the title.'), ['Sampras/person', 'Agassi/person']);
  assert.deepEqual(typed('Pete Sampras beat Andre Agassi 6-4 to win.'), ['Pete Sampras/person', 'Andre Agassi/person']);
  assert.ok(typed('Kesterby began the season with a lucky 2-1 win against Halden on Friday.').includes('Halden/organization'));
  // "X's 2-1 win over Y", passives, "X and Y drew"
  assert.deepEqual(typed("Kesterby's 2-1 win over Varna Athletic lifted them to second place."), ['Kesterby/organization', 'Varna Athletic/organization']);
  assert.deepEqual(typed('Rosvik were beaten 3-1 by Brannvik, and Halden and Tromvik drew 2-2.'), ['Rosvik/organization', 'Brannvik/organization', 'Halden/organization', 'Tromvik/organization']);
  // the name before a team role is the team's; a country's is a national team
  assert.deepEqual(typed('Varna coach Henrik Aalto said his side deserved a point.'), ['Varna/organization', 'Henrik Aalto/person']);
  assert.deepEqual(typed('England captain Alec Stewart made 52.'), ['England/place', 'Alec Stewart/person']);
  // the golfer "of Scotland" the tagger read as one organisation
  assert.deepEqual(typed('Ernie Els led by two strokes from Colin Montgomerie of Scotland.'), ['Ernie Els/person', 'Colin Montgomerie/person', 'Scotland/place']);
  // a cricket scoreboard: innings in runs and wickets, the side after "v"
  assert.deepEqual(typed('At the ground: Surrey 310-6 (Alec Stewart 95, Graham Thorpe 64) v Kent.'), ['Surrey/organization', 'Alec Stewart/person', 'Graham Thorpe/person', 'Kent/organization']);
  assert.deepEqual(typed('Kent 275 all out v Surrey.'), ['Kent/organization', 'Surrey/organization']);
  // a vote is no score
  assert.ok(typed('Lawmakers voted 52-47, and Senator Ilse Varga beat the deadline.').includes('Ilse Varga/person'));
  assert.ok(typed('Ilse Varga beat Mara Lind 52-47 in the vote.').every((x) => x.endsWith('/person')));
});

test('a name ending in "Bank" is an organisation, unless it is a known place (the West Bank); "Commission" alone too', () => {
  const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(typed('Shares in Nordhavn Bank rose 2.1 percent.'), ['Nordhavn Bank/organization']);
  assert.deepEqual(typed('Settlers in the West Bank protested.'), ['West Bank/place']);
  // an organisation's head noun alone is no person's name
  assert.ok(typed("The European Union's executive Commission welcomed the meeting.").includes('Commission/organization'));
});

test('a standings row with a winning percentage ("NEW YORK 10 3 .769 -") names a team; ".769" is one token', () => {
  const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(typed('ATLANTIC DIVISION\nNEW YORK 10 3 .769 -\nMIAMI 9 4 .692 1\n'), ['NEW YORK/organization', 'MIAMI/organization']);
  assert.deepEqual(tokenize('Kesterby 10 3 .769 -').norm, ['Kesterby', '10', '3', '.769', '-']);
});

test('an organisation head the tagger left out opens a name before "of" ("The Organisation of African Unity") or closes one ("the Farmers Party")', () => {
  const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(typed('The Organisation of African Unity and the International Monetary Fund sent envoys.'),
    ['Organisation of African Unity/organization', 'International Monetary Fund/organization']);
  assert.deepEqual(typed('Ministers of the League of Arab States met.'), ['League of Arab States/organization']);
  // and capitalised words before a closing head ("Party", "Front", "Union") are one
  assert.deepEqual(typed("He leads the Peasants' Party, which holds 12 seats, and the Farmers Party backs him."), ["Peasants' Party/organization", 'Farmers Party/organization']);
});

test('a headline names an organisation of the story by its first word, a town\'s name too ("VARNA" for "Varna Athletic")', () => {
  const ms = recognizeEntities('BERGEN SIGN NEW COACH\n\nOSLAVIA 1996-11-14\n\nBergen Rovers signed a new coach on Friday, the club said.');
  assert.equal(ms.find((m) => m.text === 'BERGEN')?.type, 'organization');
  assert.equal(ms.find((m) => m.text === 'Bergen Rovers')?.type, 'organization');
});

test('"Fatah and Hamas" read as one name is two when the document names each on its own', () => {
  const texts = (t: string) => recognizeEntities(t).map((m) => m.text);
  assert.deepEqual(texts('The rival groups Fatah and Hamas formed a government. Hamas won the vote, and Fatah conceded.'), ['Fatah', 'Hamas', 'Hamas', 'Fatah']);
});

test('a legal form ends a company\'s name ("General Motors Corp and Ford Motor Co"), and joins the words before it', () => {
  const texts = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(texts('General Motors Corp and Ford Motor Co said car sales fell in August.'), ['General Motors Corp/organization', 'Ford Motor Co/organization']);
});

test('what follows a possessive inside a name and only describes a part is no part of the name ("Al-Qaida\'s North African wing")', () => {
  const texts = (t: string) => recognizeEntities(t).map((m) => m.text);
  assert.deepEqual(texts("Al-Qaida's North African wing later claimed responsibility."), ['Al-Qaida']);
  assert.deepEqual(texts("Moody's Investors Service cut the rating."), ["Moody's Investors Service"]);
});

test('a weekday after an organisation or place is no part of it either', () => {
  // "the House of Commons Wednesday", "Tal Afar Monday": the tagger took the day into the span (real news, GMB)
  const texts = (t: string) => recognizeEntities(t).map((m) => m.text);
  assert.deepEqual(texts('The bill was debated in the Vestland Assembly Wednesday.'), ['Vestland Assembly']);
  assert.deepEqual(texts('Officials from the Kesterby Harbour Authority Monday denied the report.'), ['Kesterby Harbour Authority']);
  assert.deepEqual(texts('The House of Lords Tuesday rejected the ferry bill.'), ['House of Lords']);
  // a month's abbreviation before a day names nothing either
  assert.deepEqual(texts('PRESS DIGEST - VESTLAND - DEC 6 .\n\nThese are the leading stories in the press.'), ['VESTLAND']);
  assert.ok(texts('Talks with the Nordic Development Fund Saturday and Sunday failed.').every((x) => !/day|and$/.test(x)), texts('Talks with the Nordic Development Fund Saturday and Sunday failed.').join(', '));
});

test('military ranks abbreviated with a period are titles, not names ("Brig. Gen.", "Rear Adm.", "Cpl.")', () => {
  const people = (t: string) => recognizeEntities(t).map((m) => [m.text, m.type, m.title ?? null]);
  assert.deepEqual(people('The adviser, Brig. Gen. Tomas Hartwell, failed to act.'), [['Tomas Hartwell', 'person', 'Brig. Gen.']]);
  assert.deepEqual(people('Rear Adm. Jon Ekwueme spoke.'), [['Jon Ekwueme', 'person', 'Rear Adm.']]);
  assert.deepEqual(people('Cpl. Tomas Hartwell spoke.'), [['Tomas Hartwell', 'person', 'Cpl.']]);
});

test('never throws, deterministic, offsets valid on odd input', () => {
  const inputs = ['', ' ', '\n\n', '’’’', 'A', 'x'.repeat(5000), 'Ünïcødé Straße in München 😀 Putin', 'U. S. and U.K.', '((((', 'Mr.', 'al-', "'s"];
  for (const t of inputs) {
    const a = recognizeEntities(t);
    assert.deepEqual(recognizeEntities(t), a);
    for (const m of a) assert.equal(t.slice(m.start, m.end), m.text);
  }
});

const typed = (t: string) => recognizeEntities(t).map((m) => `${m.text}/${m.type}`);

test('honorific or title + capitalised name is always a person', () => {
  assert.deepEqual(typed('Mr Kerrigan promised that the quay would stay shut.'), ['Kerrigan/person']);
  assert.deepEqual(typed('Minister Kerrigan promised that the quay would stay shut.'), ['Kerrigan/person']);
  for (const h of ['Mr', 'Mr.', 'Mrs', 'Ms', 'Dr', 'Dr.', 'Sir', 'Dame']) {
    assert.deepEqual(typed(`${h} Okonkwo-Baines said the ferry would sail.`), ['Okonkwo-Baines/person'], h);
  }
  for (const t of ['President', 'Senator', 'Chancellor', 'Secretary', 'Governor', 'Mayor']) {
    assert.deepEqual(typed(`On Monday ${t} Halvorsen said the ferry would sail.`), ['Halvorsen/person'], t);
  }
  assert.deepEqual(typed('Sir Alan Marsh and Dame Edna Okonjo spoke.'), ['Alan Marsh/person', 'Edna Okonjo/person']);
  // the name after the title, not the title, is the span; an organisation after a title is left alone
  assert.ok(!typed('Minister Kerrigan left.').some((x) => x.startsWith('Minister')));
  assert.ok(!typed('The President of the Council met the Justice Department.').some((x) => x.endsWith('/person')));
});

test('a surname of a person named anywhere in the document is that person', () => {
  const t = 'Kerrigan promised that the quay would stay shut. Harbour Minister Tomas Kerrigan said on Friday the port was safe. Later, Kerrigan left.';
  const ms = recognizeEntities(t);
  assert.deepEqual(ms.map((m) => `${m.text}/${m.type}`), ['Kerrigan/person', 'Tomas Kerrigan/person', 'Kerrigan/person']);
  assert.equal(ms[1].title, 'Minister');
});

test('a name the document only uses as a location is a place, unless something says it is a person', () => {
  const at = (name: string) => `Rescuers reached the hill town of ${name} before dawn. Families in ${name} slept outside their homes.`;
  // the tagger alone reads the second "Khan Qasira" as a person
  assert.deepEqual(typed(at('Khan Qasira')), ['Khan Qasira/place', 'Khan Qasira/place']);
  // the same contexts around people: a known first name, the surname of a titled full name
  assert.deepEqual(typed(at('Peter Varna')), ['Peter Varna/person', 'Peter Varna/person']);
  assert.deepEqual(typed('Harbour Minister Tomas Kerrigan said the quay would reopen. Few had faith in Kerrigan.'), ['Tomas Kerrigan/person', 'Kerrigan/person']);
});

test('"X of Y on Monday": a weekday ends an organisation name; a headline word is not a name because a longer name capitalises it', () => {
  const t = "Kerrigan Blames Chemical 'Sabotage' For Ruse Delay\n\nThe operator wrote to the Organization for the Prohibition of Chemical Weapons on Monday. A chemical leak was ruled out.";
  assert.deepEqual(typed(t).filter((x) => !x.startsWith('Kerrigan') && !x.startsWith('Ruse')), ['Organization for the Prohibition of Chemical Weapons/organization']);
  // a surname that is also a common word stays a name in a headline
  const green = 'Green Rejects Ferry Report\n\nHarbour Minister Mark Green said the green light came too late.';
  assert.ok(typed(green).includes('Green/person'), typed(green).join(', '));
});

test('headlines, kickers and sentence-initial common words are not names', () => {
  const t = 'Skip to main content\n\nFerry Disaster: Capital Talks Open Amid Calls For Answers\n\n' +
    'WATCH: Divers Search The Lake For The Missing\n\nOslo presses Lisbon over barge records as ferry talks open\n\n' +
    'Divers searched the lake on Monday for answers, officials in Oslo and Lisbon said.';
  const ms = typed(t);
  for (const bad of ['Skip', 'Answers', 'WATCH', 'Divers', 'Calls', 'Missing']) assert.ok(!ms.some((x) => x.startsWith(bad + '/')), `${bad} in ${ms}`);
  assert.ok(!ms.some((x) => /presses|For The/.test(x)), ms.join(', '));
  assert.ok(ms.includes('Oslo/place') && ms.includes('Lisbon/place'), ms.join(', '));
});

test('organisation cues and suffixes, place heads, "A and B" places', () => {
  const ms = typed('OSLO, Norway (Fjord Wire) — The barges belonged to the company Brannvik Transporti. ' +
    'Brannvik Transporti, which runs sixty barges, said nothing. Crews sailed the Black Sea between Giurgiu and Ruse.');
  assert.ok(ms.includes('Fjord Wire/organization'), ms.join(', '));
  assert.equal(ms.filter((x) => x === 'Brannvik Transporti/organization').length, 2, ms.join(', '));
  assert.ok(ms.includes('Black Sea/place'), ms.join(', '));
  assert.ok(ms.includes('Giurgiu/place') && ms.includes('Ruse/place'), ms.join(', '));
  assert.ok(typed('The Bulgarian operator, Brannvik Transporti, declined to comment.').includes('Brannvik Transporti/organization'));
});

test('newswire layouts: datelines, section labels, results and standings', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.map((x, i) => (t[i] === 'O' ? x : `${x}/${t[i]}`)).join(' '); };
  assert.equal(tag('OSLO 1997-03-14'), 'OSLO/B-LOC 1997-03-14');
  assert.equal(tag('BERGEN , Norway 1997-03-14'), 'BERGEN/B-LOC , Norway/B-LOC 1997-03-14');
  assert.ok(tag('TENNIS - HALVORSEN WINS IN OSLO .').startsWith('TENNIS - '));
  assert.equal(tag('Brann 2 Rosenborg 1'), 'Brann/B-ORG 2 Rosenborg/B-ORG 1');
  assert.equal(tag('Norway 2 Sweden 1'), 'Norway/B-LOC 2 Sweden/B-LOC 1');
  assert.equal(tag('Rosenborg 10 7 2 1 22 10 23'), 'Rosenborg/B-ORG 10 7 2 1 22 10 23');
  // a headline word that the document's body writes in lower case is not a name
  const doc = [['FERRY', 'TALKS', 'OPEN', 'IN', 'OSLO'], ['The', 'ferry', 'talks', 'will', 'open', 'in', 'Oslo', '.']];
  assert.deepEqual(tagDocument(doc)[0], ['O', 'O', 'O', 'O', 'B-LOC']);
});

test('legal-form suffixes join the company name; "X Bank and Y Brothers" are two organisations', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.map((x, i) => (t[i] === 'O' ? x : `${x}/${t[i]}`)).join(' '); };
  assert.ok(tag('Shares of Brannvik AG rose 2 percent .').includes('Brannvik/B-ORG AG/I-ORG'));
  assert.ok(tag('Analysts said Halvorsen Corp would report on Tuesday .').includes('Halvorsen/B-ORG Corp/I-ORG'));
  const t = tag('Analysts at Nordvik Bank and Brannvik Brothers agreed .');
  assert.ok(t.includes('Bank/I-ORG and Brannvik/B-ORG'), t);
});

test('ALL-CAPS headlines: nationality adjectives, months and function words are not names', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.filter((_, i) => t[i] !== 'O'); };
  assert.deepEqual(tag('OSLO REJECTS GERMAN CALL TO BOYCOTT BRITISH LAMB .').filter((w) => /GERMAN|BRITISH/.test(w)), []);
  assert.deepEqual(tag('OFFICIAL CONTENTS OF AUGUST 21 , 1996 .'), []);
  assert.deepEqual(tag('He left in AUGUST .'), []);
});

test('tokenizer: ASCII fast path and regex path agree on tricky input', () => {
  const t = tokenize("Mr. O'Neill's U.S. firm (al-Qaida) paid $2,000.50... -- said J. R. R. Tolkien’s U. S. heirs: don't!");
  assert.deepEqual(t.norm, ['Mr.', "O'Neill", "'s", 'U.S.', 'firm', '(', 'al-Qaida', ')', 'paid', '$', '2,000.50', '...', '--', 'said', 'J.', 'R.', 'R.', 'Tolkien', "'s", 'U.S.', 'heirs', ':', 'do', "n't", '!']);
});

test('results lines keep teams that are common words; "v" splits a fixture; sports section labels are not names', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.map((x, i) => (t[i] === 'O' ? x : `${x}/${t[i]}`)).join(' '); };
  // "Arsenal" is a common word (a weapons arsenal), but in a results line it is a team
  assert.equal(tag('Brannvik United 2 Arsenal 1'), 'Brannvik/B-ORG United/I-ORG 2 Arsenal/B-ORG 1');
  // a bare result line holds two teams even where the tagger reads a person ("Atletico/B-PER Halden/I-PER")
  assert.equal(tag('Atletico Halden 0 Deportivo Brannvik 0'), 'Atletico/B-ORG Halden/I-ORG 0 Deportivo/B-ORG Brannvik/I-ORG 0');
  // and when a full stop ends it, as a summary line's result does ("Valencia 0 Deportivo Coruna 0 . Attendance …")
  assert.equal(tag('Valencia 0 Deportivo Coruna 0 .'), 'Valencia/B-ORG 0 Deportivo/B-ORG Coruna/I-ORG 0 .');
  // an ALL-CAPS sentence with numbers is no results line
  assert.equal(tag('THE BARGE SANK , KILLING 12 AND INJURING 30 .'), 'THE BARGE SANK , KILLING 12 AND INJURING 30 .');
  const v = tag('CRICKET - NORWAY V SWEDEN FIRST TEST SCOREBOARD .');
  assert.ok(!v.includes('V/'), v);
  assert.ok(v.includes('SWEDEN/B-LOC'), v);
  // fixtures: clubs (also when named after a city) are organisations, national teams places, full names people
  assert.equal(tag('Brannvik v Halden'), 'Brannvik/B-ORG v Halden/B-ORG');
  assert.equal(tag('Halden v Norway'), 'Halden/B-ORG v Norway/B-LOC');
  assert.equal(tag('Tomas Brannvik ( Norway ) v Erik Halden ( Sweden ) 6-3 6-4'),
    'Tomas/B-PER Brannvik/I-PER ( Norway/B-LOC ) v Erik/B-PER Halden/I-PER ( Sweden/B-LOC ) 6-3 6-4');
  // the tagger reads "NORDIC LEAGUE HANDBALL" as an organisation and "TOMAS ROVERS" as a person
  const label = tag('NORDIC LEAGUE HANDBALL - TOMAS ROVERS BEAT HALDEN .');
  assert.ok(label.startsWith('NORDIC LEAGUE HANDBALL - '), label);
  // "ROVERS" in an ALL-CAPS line is still an organisation suffix
  assert.ok(label.includes('TOMAS/B-ORG ROVERS/I-ORG'), label);
  // a place opening the line before the dash stays a place
  assert.ok(tag('NORWAY - FERRY TALKS COLLAPSE .').startsWith('NORWAY/B-LOC'));
});

test('an ALL-CAPS headline repeats names of the body even between capitalised common words', () => {
  const doc = [['SOCCER', '-', 'BRANNVIK', 'HOLD', 'ROSENBORG', 'TO', 'DRAW', '.'], ['Brannvik', '0', 'Rosenborg', '0']];
  assert.deepEqual(tagDocument(doc)[0], ['O', 'O', 'B-ORG', 'O', 'B-ORG', 'O', 'O', 'O']);
});

test('a name directly before an organisation suffix or legal form joins it', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.map((x, i) => (t[i] === 'O' ? x : `${x}/${t[i]}`)).join(' '); };
  const a = tag('Shares in Halvorsen Shipping ASA rose 12 percent on Friday .');
  assert.ok(a.includes('Halvorsen/B-ORG Shipping/I-ORG ASA/I-ORG'), a);
});

test('scoreboards: batsmen, bowlers and scorers in parentheses are people', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.map((x, i) => (t[i] === 'O' ? x : `${x}/${t[i]}`)).join(' '); };
  assert.equal(tag('Lars Holm c Vik b Haugen 64'), 'Lars/B-PER Holm/I-PER c Vik/B-PER b Haugen/B-PER 64');
  assert.equal(tag('Ola Vik 10-1-22-3'), 'Ola/B-PER Vik/I-PER 10-1-22-3');
  const inn = tag('Norway 213-5 ( Tor Haugen 88 not out , Vik 40 )');
  assert.ok(inn.includes('Tor/B-PER Haugen/I-PER 88') && inn.includes('Vik/B-PER 40'), inn);
  assert.ok(inn.startsWith('Norway/B-LOC'), inn);
  // results rows: a full name before a country in parentheses is an athlete (the tagger alone leaves it out)
  assert.equal(tag('3. Arvid Strand ( Estonia ) 10.05'), '3. Arvid/B-PER Strand/I-PER ( Estonia/B-LOC ) 10.05');
});

test('ALL-CAPS lines: a name next to an organisation suffix the tagger left out forms the club', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.map((x, i) => (t[i] === 'O' ? x : `${x}/${t[i]}`)).join(' '); };
  // the tagger alone leaves "MANCHESTER UNITED" out
  assert.equal(tag('FRIENDLY SOCCER - MANCHESTER UNITED BEAT HALDEN .').split(' - ')[1].split(' BEAT')[0], 'MANCHESTER/B-ORG UNITED/I-ORG');
  // the tagger alone reads "UNITED" as the organisation and leaves "KERRIGAN" out
  assert.ok(tag('SOCCER - KERRIGAN UNITED WIN AGAIN .').includes('KERRIGAN/B-ORG UNITED/I-ORG'));
  // the tagger alone reads "NEWCASTLE" as a place and leaves "UNITED" out
  assert.ok(tag('SOCCER - NEWCASTLE UNITED SIGN HAUGEN .').includes('NEWCASTLE/B-ORG UNITED/I-ORG'));
});

test('tagger restarts, organisation words after a "title", events', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.map((x, i) => (t[i] === 'O' ? x : `${x}/${t[i]}`)).join(' '); };
  // the tagger alone gives "Erik/B-PER Dahl/B-PER"
  assert.equal(tag('71 Erik Dahl'), '71 Erik/B-PER Dahl/I-PER');
  // "Major" is a military title, but "League" makes it an organisation
  assert.equal(tag('He plays in Major League Baseball .'), 'He plays in Major/B-ORG League/I-ORG Baseball/I-ORG .');
  // tournaments are events (MISC in CoNLL terms): not an organisation
  const ev = tag('Leading scores after the first round of the Brannvik Coastal Classic on Thursday :');
  assert.ok(!ev.includes('Classic/'), ev);
  // a lone "CUP" (the tagger alone reads a person) is no name either
  assert.equal(tag('SOCCER - NORWEGIAN CUP SEMI-FINAL RESULT .'), 'SOCCER - NORWEGIAN CUP SEMI-FINAL RESULT .');
});

test('a team of a results line stays an organisation where the tagger reads a person elsewhere in the document', () => {
  const doc = [['Brannvik', '2', 'Halden', '1'], ['Brannvik', 'coach', 'Lars', 'Vik', 'said', 'the', 'team', 'deserved', 'it', '.']];
  assert.equal(tagDocument(doc)[1][0], 'B-ORG');
});

test('a list of full names, two of them read as people, is a list of people', () => {
  const tag = (l: string) => { const w = l.split(' '); const t = tagTokens(w); return w.map((x, i) => (t[i] === 'O' ? x : `${x}/${t[i]}`)).join(' '); };
  // the tagger alone leaves "Knut Lie" out ("lie" is a common word)
  assert.equal(tag('Squad : Tor Haugen , Erik Dahl , Knut Lie .'), 'Squad : Tor/B-PER Haugen/I-PER , Erik/B-PER Dahl/I-PER , Knut/B-PER Lie/I-PER .');
});

test('capitalised words the tagger left out right before a speech verb are the speaker', () => {
  // the tagger alone leaves "Kerrigan" and "Okafor" out after a closing quote
  assert.deepEqual(typed('"We will not reopen the quay until every crane is inspected," Kerrigan said.'), ['Kerrigan/person']);
  assert.deepEqual(typed('"We will not reopen," Okafor told reporters.'), ['Okafor/person']);
  assert.deepEqual(typed('Officials said the port would reopen.'), []);
});

test('capitalised words the tagger left out before an apposition that gives a role, set off by commas, are a person', () => {
  // the tagger alone leaves the sentence-initial "Brandvold" out
  assert.deepEqual(typed('Brandvold, the mayor of Kesterby, said the board would meet.'), ['Brandvold/person', 'Kesterby/place']);
  assert.deepEqual(typed('Tormundsen, a spokesman for the harbour board, declined to comment.'), ['Tormundsen/person']);
  // an adverb before a role that is the subject, not an apposition
  assert.deepEqual(typed("Meanwhile, the rebels' leader has left the city."), []);
});

test('a known multi-word organisation name is an organisation', () => {
  // the tagger alone reads a person
  assert.deepEqual(typed('Analysts at Goldman Sachs said the merger would create the largest brewer.'), ['Goldman Sachs/organization']);
});

test('a line too long to be hard-wrapped ends its sentence: a title without a full stop does not run into the next line', () => {
  const title = 'Harbour talks stall as the envoy tells Ostmark to choose between the ferry route or its alliance with Brannvik';
  assert.ok(title.length > 100);
  const ms = recognizeEntities(`${title}\nTomas Feld arrived on Monday.`);
  assert.deepEqual(ms.filter((m) => /Brannvik|Feld/.test(m.text)).map((m) => m.text), ['Brannvik', 'Tomas Feld']);
  // Hard-wrapped prose (lines under 100 characters) still reads across the line break.
  const wrapped = tokenize('After a long night of talks on the harbour dispute, the minister met Anna\nLind in Brannvik.');
  assert.deepEqual(wrapped.sentStart.filter(Boolean).length, 1);
});

test('"ambassador to the UN Mara Lindqvist": the name after a title\'s complement is the title holder, whole', () => {
  const ms = recognizeEntities('What about the harbour? The US ambassador to the UN Mara Lindqvist said change was inevitable.');
  const holder = ms.find((m) => m.type === 'person');
  assert.equal(holder?.text, 'Mara Lindqvist', ms.map((m) => `${m.text}/${m.type}`).join(', '));
  assert.equal(holder?.title, 'US ambassador to the UN');
  assert.ok(ms.some((m) => m.text === 'UN' && m.type === 'organization'));
  // no title before "to the": nothing is added
  assert.ok(!recognizeEntities('She wrote to the UN Monday about it.').some((m) => m.type === 'person'));
});

test('tokenizer: the ASCII fast paths give the regex path\'s tokens on random text', () => {
  const pieces = [' ', '  ', '\n', '\n\n', 'Mr', 'U', 'S', 'al', 'Lind', 'talks', '2', '000', '3', '.', ',', ':', ';', '-', "'", 's', 'n\'t',
    '’', 'é', 'Ødegaard', '5pm', '...', '--', '(', ')', '"', '“', 'x', 'Dr', 'etc', 'AB'];
  let checked = 0;
  for (const text of randomTexts(pieces, 4000, 14, 7)) {
    assert.deepEqual(tokenizeWith(text, true), tokenizeWith(text, false), JSON.stringify(text));
    checked++;
  }
  assert.equal(checked, 4000);
});

test('two-word section headings of common words are not names; a byline on its own line is', () => {
  const ms = typed('Breaking News\n\nHarbour Condemnation\n\nMara Lindqvist\n\n' +
    'The ferry operators in the harbour of Brannvik faced condemnation on Monday, and the news reached Ostmark by noon.');
  for (const bad of ['News', 'Condemnation', 'Harbour']) assert.ok(!ms.some((x) => x.startsWith(bad + '/') || x.includes(' ' + bad + '/')), `${bad} in ${ms}`);
  assert.ok(ms.includes('Mara Lindqvist/person'), ms.join(', '));
  assert.ok(ms.includes('Brannvik/place'), ms.join(', '));
});

test('news section labels on a line of their own are not names; an outlet named "X News" is', () => {
  const ms = typed('Breaking News\n\nPolitics News\n\nLatest News | World News\n\nBREAKING NEWS\n\nFox News\n\n' +
    'Harbour Minister Tomas Kerrigan visited Brannvik on Monday, Ostland News reported.');
  for (const bad of ['News', 'World News', 'Breaking News', 'NEWS', 'BREAKING NEWS']) assert.ok(!ms.some((x) => x.startsWith(bad + '/')), `${bad} in ${ms}`);
  assert.ok(ms.includes('Fox News/organization'), ms.join(', '));
  assert.ok(ms.includes('Ostland News/organization'), ms.join(', '));
  assert.ok(ms.includes('Tomas Kerrigan/person'), ms.join(', '));
});

test('a known place name of two words keeps its first word at a sentence start', () => {
  assert.deepEqual(typed('Northern Ireland voted on Monday. New Zealand said nothing.'), ['Northern Ireland/place', 'New Zealand/place']);
});

test('"FM" and "PM" before a name are titles; "5 PM" is a time', () => {
  const ms = recognizeEntities("Vestland's FM Arvid Strand pushed for sanctions, and PM Liv Haugen agreed at 5 PM Friday.");
  const people = ms.filter((m) => m.type === 'person');
  assert.deepEqual(people.map((m) => m.text), ['Arvid Strand', 'Liv Haugen'], ms.map((m) => `${m.text}/${m.type}`).join(', '));
  assert.equal(people[0].title, "Vestland's FM");
  assert.ok(!ms.some((m) => m.text === 'FM' || m.text === 'PM' || m.text === 'Friday'), ms.map((m) => m.text).join(', '));
});

test('"NWR/RK": acronyms glued by a slash are one organisation, unless both are known names', () => {
  const ms = typed('NWR/RK journalists report from Brannvik. Later NWR/RK was declared undesirable. US/UK relations held.');
  assert.equal(ms.filter((x) => x === 'NWR/RK/organization').length, 2, ms.join(', '));
  assert.ok(!ms.some((x) => /^(NWR|RK)\/(person|organization|place)$/.test(x)), ms.join(', '));
  assert.ok(ms.includes('US/place') && ms.includes('UK/place'), ms.join(', '));
});

test('"Middle Eastern allies": a regional adjective before a noun is not a place; "the Middle East" is', () => {
  const ms = typed('Ministers met Middle Eastern allies in Brannvik. South Korean officials flew to the Middle East.');
  assert.ok(!ms.some((x) => /Eastern|Korean/.test(x)), ms.join(', '));
  assert.ok(ms.includes('Middle East/place') && ms.includes('Brannvik/place'), ms.join(', '));
});

test('a new version of the last document is read block by block: the same mentions as a fresh reading', () => {
  // paragraphs apart by blank lines, and one paragraph per line (blocks end after lines over 100 characters)
  for (const join of ['\n\n', '\n']) {
  const article = FIXTURES.map((src) => parseFixture(src).text).join(join) + '\n\nOSLO 2024-05-02\n\nArsenal 2 Chelsea 1\n\n"We stay," said Mr Kerrigan.';
  const pieces = [' ', 'x', '\n', '\n\n', '\n \n', 'Oslo', 'Mr Lind', '.', '"', 'the ', 'Organization for', ' the Prohibition of Oslo Ferries '.repeat(4)];
  // Fresh readings (one pass over the whole text) against keystrokes (block by block, blocks reused).
  assertSameAsFresh(randomVersions(article, 400, pieces, 12, 5), recognizeEntities, 'Unrelated text about Brannvik.');
  }
  // The junk filter asks the whole document whether a word is capitalised mid-sentence or written in
  // lower case somewhere: evidence in one block decides a span in another.
  const junky = [
    'Harbour Chief Warns Of Chemical Sabotage',
    'Breaking News',
    'Storm damage closed the Brannvik quay on Monday, and the Storm Centre in Oslo said the chemical tanks held.',
    'Chemical workers left. WATCH: the quay at dawn.',
    'SABOTAGE FEARS GROW IN BRANNVIK AS STORM HITS',
    'Officials of the Chemical Safety Board met Mr Kerrigan. Green said nothing. Mr Tom Green left. Storm clouds gathered.',
    'Young said the quay would hold. Rose agreed.',
    'The harbour master, Mr Tom Young, and Anna Rose spoke to the young crew.',
  ].join('\n\n');
  const junkPieces = [' ', 'x', '\n\n', '.', 'Storm ', 'the storm ', 'Chemical ', 'a chemical ', 'Green ', 'sabotage ', 'Breaking ', 'Young ', 'Mr Young ', 'Rose '];
  assertSameAsFresh(randomVersions(junky, 400, junkPieces, 8, 9), recognizeEntities, 'Unrelated text about Brannvik.', 'junk version');
  // Hard-wrapped lines of 60 to 100 characters continue their sentence: a name may run across the break.
  // Lines grow one character at a time past 100 (the break then ends the sentence), and back.
  const wrapped = 'The harbour board met on Monday and, after a long night of talks, asked Anna\nLind to chair the inquiry into the ferry that sank off Brannvik last week.\nOfficials of the Oslo Ferries company said Mr Kerrigan would join Anna\nLind in the inquiry.';
  const grown: string[] = [];
  for (let k = 0; k <= 30; k++) grown.push(wrapped.replace('asked Anna', 'asked' + ' '.repeat(k % 2 ? 1 : 0) + 'x'.repeat(k) + ' Anna'));
  for (let k = 30; k >= 0; k--) grown.push(grown[k].replace(' Anna\nLind to', ' Anna \nLind to')); // a trailing space does not count
  const freshGrown = assertSameAsFresh(grown, recognizeEntities, 'Unrelated text about Brannvik.', 'wrapped version');
  assert.ok(freshGrown[0].includes('"Anna\\nLind"'), freshGrown[0]);
});

test('a lowercase word ending a name read is not part of it ("Vikvold airport", "the Gulf coast")', () => {
  assert.deepEqual(typed("Smoke rose over the runway as the minister arrived at Ostmark's Vikvold airport."), ['Ostmark/place', 'Vikvold/place']);
  assert.deepEqual(typed('Ferries sailed along the Gulf coast.'), ['Gulf/place']);
});

test('initials before a surname are one person ("N. Hussain", "R. E. Glenn"); a place or a common word after a stop is not', () => {
  assert.deepEqual(typed('Kesterby 322-7 (N. Halvorsen 110, R. Ilmani 54) v Varna.').filter((t) => t.endsWith('/person')), ['N. Halvorsen/person', 'R. Ilmani/person']);
  assert.deepEqual(typed('J. Moravec scored twice for Varna.').filter((t) => t.endsWith('/person')), ['J. Moravec/person']);
  assert.ok(typed('The board named R. E. Glenning as chair.').includes('R. E. Glenning/person'));
  assert.ok(typed('A review by Professor David W. Opfelder appeared on Monday.').includes('David W. Opfelder/person'));
  assert.ok(typed('The court heard A. Noel Anketill Krammer on Friday.').includes('A. Noel Anketill Krammer/person'));
  assert.ok(!typed('The fighting ended after World War I. Britain then disarmed.').some((t) => t.startsWith('I.')));
  assert.ok(!typed('They moved to plan B. Then the rain came.').some((t) => t.startsWith('B.')));
});

test('a lone first name read as a person takes the surname after it ("136 Derek Halloway 68 68"), not the head of another name', () => {
  assert.ok(typed('136 Derek Hallowell 68 68, Tomas Ruizar (Spain) 70 66').includes('Derek Hallowell/person'));
  assert.ok(typed('Team 1: Coach: Ben Markell').includes('Ben Markell/person'));
  const heads = typed('The Davis Administration agreed that Brent North Sea crude rose.');
  assert.ok(!heads.some((t) => /(Administration|North)\/person$/.test(t)), String(heads));
});

test('cricket pages: runs alone before "v" or the batsmen make an innings; "At Chelmsford:" names the ground', () => {
  assert.deepEqual(typed("At Lord's: Kesterby 280 v Varna."), ["Lord's/place", 'Kesterby/organization', 'Varna/organization']);
  assert.deepEqual(typed('Varna 210 (J. Moravec 65; P. Sorensen 5-60)'), ['Varna/organization', 'J. Moravec/person', 'P. Sorensen/person']);
  assert.deepEqual(typed('At Brannvik: Kesterby beat Varna by six wickets.'), ['Brannvik/place', 'Kesterby/organization', 'Varna/organization']);
  assert.deepEqual(typed('At Issue: the harbour budget.'), []);
});

test('results pages: scorers in parentheses and on a "Scorers:" line are players; a line-up names its team; a rider\'s team follows the country', () => {
  assert.deepEqual(typed('Kesterby 2 (Halvorsen 15, Wright 40) Varna 0. Half-time 1-0. Attendance 38,000'),
    ['Kesterby/organization', 'Halvorsen/person', 'Wright/person', 'Varna/organization']);
  assert.deepEqual(typed('Scorers: Kolberg 15, Villiger 40 penalty, Marek Dvorsky 77'), ['Kolberg/person', 'Villiger/person', 'Marek Dvorsky/person']);
  assert.equal(typed('Liverpool: David Jameson, Rob Jonas, Steve Harkin, John Barnet')[0], 'Liverpool/organization');
  assert.equal(typed('Italy: Angelo Peruzzo, Ciro Ferrante, Paolo Maldoni, Alessandro Costa')[0], 'Italy/place');
  assert.deepEqual(typed('2. Tony Romano (Switzerland) Mapei same time'), ['Tony Romano/person', 'Switzerland/place', 'Mapei/organization']);
  assert.deepEqual(typed('1. Laurent Jalabrin (France) ONCE 4:30:15'), ['Laurent Jalabrin/person', 'France/place', 'ONCE/organization']);
});

test('market reports: what follows "shares in", "a stake in", "dealers at" is a company, unless a place', () => {
  assert.deepEqual(typed('Shares in Halvik-Berg rose 1.20 crowns to 78.50 on the Varna bourse.').slice(0, 1), ['Halvik-Berg/organization']);
  assert.deepEqual(typed('The crown fell, dealers at Moravec Dunning said.'), ['Moravec Dunning/organization']);
  assert.deepEqual(typed('It bought a 20 percent stake in Britain last year.'), ['Britain/place']);
  assert.deepEqual(typed('Shares in Tokyo fell.'), ['Tokyo/place']);
});

test('a points score after a result verb makes a match report ("beat Real Madrid 78-71"); a vote does not; the West Indies are a team of a place', () => {
  assert.deepEqual(typed('Kesterby beat Real Varna 78-71 in the cup on Thursday.'), ['Kesterby/organization', 'Real Varna/organization']);
  assert.deepEqual(typed('Parliament passed the bill 52-47 on Thursday.').filter((t) => !t.startsWith('Parliament')), []);
  assert.ok(typed('West Indies captain Brian Larkin endured another miserable day.').includes('West Indies/place'));
});

test('a country named alone is a place, also in a headline over a party it opens; a title holder inside an organisation read is a person', () => {
  const headline = recognizeEntities("OSTLAND'S HALVORSEN SACKED, ASSEMBLY DISSOLVED.\n\nISLAMABAD 1996-11-05\n\nBhutto's Pakistan People's Party said it would appeal.\n\nZAIRE REBELS SAY THEY CAPTURED EASTERN TOWN.");
  assert.ok(headline.some((m) => m.text === 'ZAIRE' && m.type === 'place'), JSON.stringify(headline));
  const pak = recognizeEntities("PAKISTAN'S BHUTTO SACKED, ASSEMBLY DISSOLVED.\n\nISLAMABAD 1996-11-05\n\nBhutto's Pakistan People's Party said it would appeal.");
  assert.equal(pak.find((m) => m.text === 'PAKISTAN')?.type, 'place');
  assert.deepEqual(typed('U.N. High Commissioner for Refugees Sadako Ogawa said in Geneva that aid agencies had lost contact.'),
    ['U.N. High Commissioner for Refugees/organization', 'Sadako Ogawa/person', 'Geneva/place']);
});

test('organisations the tagger left out: before "Organisation" / "Association"; before a lower-case title a person holds; an acronym of a name the document spells out', () => {
  assert.ok(typed("They met at a meeting of the World Trade Organisation's dispute body.").includes('World Trade Organisation/organization'));
  assert.ok(typed('Officials of the Ostland Ferry Association said nothing.').includes('Ostland Ferry Association/organization'));
  assert.deepEqual(typed('Clarke met Varnabank president Hans Tietmann in Bonn.'), ['Clarke/person', 'Varnabank/organization', 'Hans Tietmann/person', 'Bonn/place']);
  for (const t of ['Republican leader Bob Dole spoke.', 'The envoy met former Yugoslav president Slobodan Milosevic.']) {
    assert.ok(!typed(t).some((m) => m.endsWith('/organization')), t);
  }
  const doc = recognizeEntities('EU AND OSTLAND CLASH AT NFTO.\n\nGENEVA 1996-09-12\n\nThe dispute went before the Nordic Fish Trade Organisation on Thursday, officials said.');
  assert.equal(doc.find((m) => m.text === 'NFTO')?.type, 'organization');
});

test('an acronym in parentheses binds the words whose initials it spells into one name of its type; a name does not open with "at"', () => {
  assert.deepEqual(typed('The Organisation for Fisheries and Cooperation in Ostland (OFCO) welcomed the deal.'),
    ['Organisation for Fisheries and Cooperation in Ostland/organization', 'OFCO/organization']);
  assert.deepEqual(typed('The United Arab Emirates (UAE) sent an envoy.'), ['United Arab Emirates/place', 'UAE/place']);
  assert.ok(typed('He told the Varna envoy, Mara Lind (UN), nothing.').includes('Mara Lind/person'));
  assert.ok(!typed('Kesterby beat Varna 3-1 at Brannvik Park.').some((t) => t.startsWith('at ')));
});

test('a plural of a common word opening a line before "of" or a colon, or in a headline the body never capitalises, is no name', () => {
  assert.deepEqual(typed('Summaries of premier league matches on Saturday:'), []);
  assert.deepEqual(typed('Gates said the arms sales would go on.'), ['Gates/person']);
  const doc = recognizeEntities('SOCCER - ENGLISH PREMIER LEAGUE SUMMARIES.\n\nLONDON 1996-08-24\n\nSummaries of English premier league matches on Saturday:\n\nKesterby 2 (Halvorsen 15) Varna 0.');
  assert.deepEqual(doc.map((m) => m.text), ['LONDON', 'Kesterby', 'Halvorsen', 'Varna']); // nor "ENGLISH", a nationality alone
  assert.deepEqual(typed('The Scottish team met the Yugoslav envoy.'), []);
  const gates = recognizeEntities('GATES SAYS ARMS SALES WILL GO ON.\n\nWASHINGTON 1996-08-31\n\nDefense Secretary Robert Gates said on Friday the sales would go on.');
  assert.equal(gates.find((m) => m.text === 'GATES')?.type, 'person');
});

test('document consistency: a full name outweighs two bare readings as a town; a dateline town votes for its body spelling; a headline keeps both surnames', () => {
  const doc = recognizeEntities([
    'HOVE PICKS KEMPER AS RUNNING MATE.', '', 'RUSSELL, Kansas 1996-08-10', '',
    'Presidential candidate Bob Hove on Saturday named former Housing Secretary Jack Kemper as his running mate.', '',
    'Hove, 73, made the announcement in his hometown of Russell. Kemper accepted. A poll showed Halvorsen leading Hove by 20 points.',
  ].join('\n'));
  const types = (text: string) => [...new Set(doc.filter((m) => m.text === text).map((m) => m.type))];
  assert.deepEqual(types('Hove'), ['person']);
  assert.deepEqual(types('Russell'), ['place']);
  assert.deepEqual(types('KEMPER'), ['person']);
});

test('a headline name does not run into the verb after it ("KESTRA ENDS LOWER"); a head word of a name stays ("… TIMES", "UNITED STATES")', () => {
  const doc = recognizeEntities('KESTRA ENDS LOWER ON PROFIT-TAKING.\n\nTOKYO 1996-08-30\n\nThe Kestra average fell 120 points on Friday, brokers said.');
  assert.ok(doc.some((m) => m.text === 'KESTRA'), JSON.stringify(doc));
  assert.ok(!doc.some((m) => m.text.includes('ENDS')), JSON.stringify(doc));
  const heads = recognizeEntities('VARNA TIMES SAYS UNITED STATES WILL ACT.\n\nVARNA 1996-08-30\n\nThe Varna Times said the United States would act.');
  assert.ok(heads.some((m) => m.text === 'UNITED STATES'), JSON.stringify(heads));
});

test('a legislature or seat of government named by one word is an organisation; inside a longer name it stays that name\'s, bridged over a word the tagger left out', () => {
  assert.deepEqual(typed('Dr. Ilse Varga testified before the Senate health committee in Varna on Thursday.'), ['Ilse Varga/person', 'Senate/organization', 'Varna/place']);
  assert.deepEqual(typed('The Duma rejected the budget.'), ['Duma/organization']);
  assert.deepEqual(typed('The Senate Foreign Relations Committee met.'), ['Senate Foreign Relations Committee/organization']); // the tagger left "Relations" out
});

test('the header of a standings table ("W L T GF GA PTS") names nobody; a line of acronyms does', () => {
  const table = typed('HOCKEY STANDINGS.\n\nW L T GF GA PTS\n\nKESTERBY 14 9 3 80 71 31\n\nVARNA 13 11 2 78 74 28');
  assert.ok(!table.some((m) => /\b(GF|PTS)\b/.test(m)), JSON.stringify(table));
  assert.ok(table.includes('KESTERBY/organization'), JSON.stringify(table));
  assert.ok(typed('US UK EU UN\n\nThe talks ended.').some((m) => m.startsWith('UK')));
});

test('a company named with its legal form ("Halvard-Krone AG") is that company where the document drops the form', () => {
  const doc = typed('Halvard-Krone unit wins order.\n\nVARNA 1996-12-10\n\nHalvard-Krone AG said on Tuesday it had won an order.\n\nHalvard-Krone shares rose 1.20 marks in Varna.');
  assert.equal(doc.filter((m) => m === 'Halvard-Krone/organization').length, 2, JSON.stringify(doc));
  assert.ok(doc.includes('Halvard-Krone AG/organization'), JSON.stringify(doc));
});

test('in an ALL-CAPS headline a result verb is no part of a name, nor a name of its own; a country the tagger cut is whole', () => {
  assert.deepEqual(typed('CRICKET - SRI LANKA WIN BY 42 RUNS .'), ['SRI LANKA/place']);
  const match = typed('KESTERBY ATHLETIC BEAT VARNA TO TAKE TITLE .\n\nLONDON 1996-12-07\n\nKesterby Athletic beat Varna 2-1 on Saturday .');
  assert.ok(match.includes('KESTERBY ATHLETIC/organization') && match.includes('VARNA/organization'), JSON.stringify(match));
  assert.ok(!match.some((m) => m.includes('BEAT')), JSON.stringify(match));
});

test('a side of a match report named like a region ("Northern Province beat …") stays a team', () => {
  assert.deepEqual(typed('Northern Province beat Kesterby 23-21 in the final on Saturday .'), ['Northern Province/organization', 'Kesterby/organization']);
});

test('"an analyst with X", and the second of "analysts at X and Y", are companies', () => {
  assert.deepEqual(typed('" It was a surprise , " said Ilse Varga , an analyst with Carl Halloway Pryce in Varna .'), ['Ilse Varga/person', 'Carl Halloway Pryce/organization', 'Varna/place']);
  assert.deepEqual(typed('Analysts at Kesterby Lynch and Brandt cut their ratings .'), ['Kesterby Lynch/organization', 'Brandt/organization']);
});

test('a name after "unit" or "affiliate" is a company; a person whose role holds such a word stays a person', () => {
  assert.ok(typed("Halvard-Krone AG 's aerospace unit Dessa said on Tuesday it had won an order .").includes('Dessa/organization'));
  assert.ok(typed('Officials say Ilse Varga , a unit commander for the rebels , was killed .').includes('Ilse Varga/person'));
});

test('a place right before a company named by its trade is part of its name ("Varna Northern Airlines")', () => {
  assert.ok(typed('The order came from Varna Northern Airlines for ten aircraft .').includes('Varna Northern Airlines/organization'));
});

test('"wa" is a particle inside a name ("Tshilombo wa Kasanda")', () => {
  assert.deepEqual(typed('Prime Minister Tshilombo wa Kasanda , speaking in Varna , dismissed the claim .'), ['Tshilombo wa Kasanda/person', 'Varna/place']);
});

test('a fielder after "caught by" and a bowler after "the bowling of" are cricketers', () => {
  const t = typed('Halloway hit 82 before he was caught by Brandt Kesterby off the bowling of Tariq Varna .');
  assert.ok(t.includes('Brandt Kesterby/person') && t.includes('Tariq Varna/person'), JSON.stringify(t));
});

test('"Abu" inside a name and "arap" join it ("Nabil Abu Rashed", "Daniel arap Kiprono")', () => {
  assert.ok(typed('" We will fight on , " his adviser Nabil Abu Rashed told reporters .').includes('Nabil Abu Rashed/person'));
  assert.ok(typed('President Daniel arap Kiprono on Tuesday called for talks .').includes('Daniel arap Kiprono/person'));
});

test('"Kestra Electronics NV" names "Kestra" too; a repeat after a capitalised "A" opening the sentence is found', () => {
  const doc = typed('Kestra to sell stake .\n\nVARNA 1996-12-09\n\nDutch electronics group Kestra Electronics NV said on Monday it would sell its stake .\n\nKestra shares were up 1.10 guilders .\n\nA Kestra spokesman in Varna declined to comment .');
  assert.equal(doc.filter((m) => m === 'Kestra/organization').length, 3, JSON.stringify(doc));
});

test('a nationality after "a stake in" is no company ("a stake in German electronics maker Halvard AG")', () => {
  assert.deepEqual(typed('It would sell its stake in German consumer electronics maker Halvard AG .'), ['Halvard AG/organization']);
});

test('the news agencies the wire quotes are organisations ("told Interfax", "the Kyodo news agency")', () => {
  assert.deepEqual(typed('Communist leader Ilse Varga told Interfax the president was not fit to rule .'), ['Ilse Varga/person', 'Interfax/organization']);
  assert.ok(typed('Officials told the Kyodo news agency that they were looking into it .').includes('Kyodo/organization'));
});

test('a side of a match report the tagger read as a person holding a town is a club ("Lokomotiv Sofia were held 1-1")', () => {
  assert.deepEqual(typed('Kesterby went top while Lokomotiv Sofia were held 1-1 at home by Tromvik .'), ['Lokomotiv Sofia/organization', 'Tromvik/organization']);
  assert.ok(typed('Ilse Varga beat Anke Halloway 6-2 4-6 6-1 .').includes('Ilse Varga/person'));
});

test('on a sports page a town named alone that names a side of a results line is that club', () => {
  const doc = typed('SOCCER - VARNA GO TOP .\n\nLONDON 1996-12-07\n\nStriker Ilse Halloway scored twice for Varna on Saturday .\n\nResults :\n\nDynamo Varna 3 Kesterby 1');
  assert.ok(doc.includes('VARNA/organization') && doc.includes('Varna/organization'), JSON.stringify(doc));
  assert.ok(doc.includes('LONDON/place'), JSON.stringify(doc));
});

test('a team before "driver", "rider" or "manager" and a name is the team ("Vestra driver Gerhard Halloway")', () => {
  assert.ok(typed('He lapped ahead of Vestra driver Gerhard Halloway on Wednesday .').includes('Vestra/organization'));
});

test('a nationality before a full name is no part of the person ("Finn Mika Halloway", "Austrian Tomas Varga")', () => {
  assert.ok(typed('The team tested a new engine but Finn Mika Halloway stopped with a gearbox failure .').includes('Mika Halloway/person'));
  assert.ok(typed('Kesterby overcame Austrian Tomas Varga in three sets .').includes('Tomas Varga/person'));
});

test('the home side after "at" in a match report is a club ("a 3-1 win at Hansa Varna", "losing 1-0 at Vicenta"), not a ground', () => {
  assert.ok(typed('Kesterby went top after a 3-1 win at Hansa Varna .').includes('Hansa Varna/organization'));
  assert.ok(typed('Halden slipped to third after losing 1-0 at Vicenta .').includes('Vicenta/organization'));
  assert.ok(!typed('They lost 1-0 at Halden Park .').includes('Halden/organization'));
});

test('a name before "party" is the party ("the ruling Kestra party"); "X Properties", "X Motor Co" are companies and name "X"', () => {
  assert.ok(typed('The ruling Kestra party on Monday named its candidates .').includes('Kestra/organization'));
  assert.ok(typed('Property shares led by Sun Hung Kai Properties rallied .').includes('Sun Hung Kai Properties/organization'));
  const doc = typed('Halvard to cut jobs at plant .\n\nLONDON 1996-12-11\n\nHalvard Motor Co said on Wednesday it would cut 1,300 jobs .');
  assert.ok(doc.includes('Halvard/organization'), JSON.stringify(doc));
});

test('a club whose name ends in a weekday keeps it on a results line ("Halden Wednesday 1")', () => {
  assert.deepEqual(typed('Kesterby 0 Halden Wednesday 1 ( Whittaker 22 ) . Halftime 0-1 . Attendance 39,507'), ['Kesterby/organization', 'Halden Wednesday/organization', 'Whittaker/person']);
});

test('cricket scoreboards: initials open a batsman whose surname is a common word ("B. Young c …"); "Extras" and "Total" rows name nobody; a golfer\'s surname before the scores', () => {
  assert.deepEqual(typed('B. Young c Tariq Halloway b Imran Kesterby 11'), ['B. Young/person', 'Tariq Halloway/person', 'Imran Kesterby/person']);
  assert.deepEqual(typed('Extras ( lb-4 nb-5 ) 9'), []);
  assert.deepEqual(typed('Total ( for 5 wickets ) 215'), []);
  assert.deepEqual(typed('135 Greg Norman 68 67'), ['Greg Norman/person']);
});

test('a word after a country in an ALL-CAPS headline, no head of a name, is no part of it ("… V NEW ZEALAND SCOREBOARD")', () => {
  assert.deepEqual(typed('CRICKET - PAKISTAN V NEW ZEALAND SCOREBOARD .'), ['PAKISTAN/place', 'NEW ZEALAND/place']);
});

test('a known organisation spelled out is one name in either spelling; "Air" before a place names an airline', () => {
  assert.deepEqual(typed('The Organisation for Security and Cooperation in Europe said the vote in Varna had been flawed .'), ['Organisation for Security and Cooperation in Europe/organization', 'Varna/place']);
  assert.ok(typed('Pilots at Air France called off a strike .').includes('Air France/organization'));
});

test('text tokenised the CoNLL way: a possessive printed apart is the clitic "\'s", and an acronym in parentheses binds a name across it', () => {
  assert.deepEqual(tokenize("the Varna People 's Army and Kesterby ’s men said 'sorry'").norm, ['the', 'Varna', 'People', "'s", 'Army', 'and', 'Kesterby', "'s", 'men', 'said', "'", 'sorry', "'"]);
  assert.ok(typed("Rebels of the Varna People 's Liberation Army ( VPLA ) attacked .").includes("Varna People 's Liberation Army/organization"));
});

test('a name read across a possessive whose owner is a name of its own is two; a possessive inside a name stays', () => {
  const t = typed("The Kesterby Civil Liberties Union 's Reproductive Freedom Project asked the court .");
  assert.ok(t.includes('Kesterby Civil Liberties Union/organization') && t.includes('Reproductive Freedom Project/organization'), JSON.stringify(t));
  assert.ok(typed("The northern-based Lord 's Resistance Army has fought since 1987 .").includes("Lord 's Resistance Army/organization"));
});

test('what a place noun names is a place ("near the village of Kfar Halun"), whatever the tagger read', () => {
  assert.ok(typed('The guerrillas were killed near the village of Kfar Halun inside the zone .').includes('Kfar Halun/place'));
});

test('on a list line the name in parentheses after a player is the team ("9 - Peter Hoekstra ( Roda JC )"); a country stays a place', () => {
  assert.deepEqual(typed('9 - Tomas Halloway ( Kesta JC )'), ['Tomas Halloway/person', 'Kesta JC/organization']);
  assert.deepEqual(typed('12 - Lukas Varga ( VSV )'), ['Lukas Varga/person', 'VSV/organization']);
  assert.ok(typed('3. Arvid Strand ( Estonia ) 10.05').includes('Estonia/place'));
});

test('match reports: "beat the New Varna Knicks 103-88" (a side after "the", opening with a title word of a place); a team named by its town goes by its plural ("the Bulls")', () => {
  assert.deepEqual(typed('the Kesterby Bulls beat the New York Hawks 103-88 on Tuesday .'), ['Kesterby Bulls/organization', 'New York Hawks/organization']);
  const doc = typed('BULLS BEAT HAWKS .\n\nLONDON 1996-12-10\n\nThe Varna Bulls beat the Sofia Hawks 103-88 on Tuesday .\n\nTomas Halloway grabbed 16 rebounds for the Bulls .');
  assert.ok(doc.includes('BULLS/organization') && doc.includes('HAWKS/organization') && doc.includes('Bulls/organization'), JSON.stringify(doc));
});

test('a name right before an event\'s head is the event\'s, no name of its own ("KESTRA CUP FINAL")', () => {
  assert.deepEqual(typed('TENNIS - KESTRA CUP FINAL .'), []);
});

test('a name before "newspaper", "daily", "network" is that medium ("the Sofia Dnevnik newspaper"); a known place stays a place', () => {
  assert.ok(typed('The survey by the Sofia Dnevnik newspaper showed Halloway with 48 percent .').includes('Sofia Dnevnik/organization'));
  assert.ok(typed('The Moscow newspaper said so .').includes('Moscow/place'));
});

test('a cup or a prize inside a name makes it the competition\'s, no name of ours ("WORLD CUP QUALIFIER")', () => {
  assert.deepEqual(typed('SOCCER - KESTRIA BEAT VARNIA IN WORLD CUP QUALIFIER .').filter((m) => m.includes('CUP')), []);
});

test('organisations: "X Bank and Y" is two banks; a town and a plural that is no surname name a team ("Wigan Warriors"), not a person; a town before "coach" is the team', () => {
  assert.deepEqual(typed('Economists at Kesterby Bank and Varnabank had expected no change .'), ['Kesterby Bank/organization', 'Varnabank/organization']);
  assert.ok(typed('Wigan Warriors have signed Australian forward Brian Halloway .').includes('Wigan Warriors/organization'));
  assert.ok(typed('Austin Peters said it was over .').includes('Austin Peters/person'));
  assert.ok(typed('Bradford coach Matthew Halloway said it was over .').includes('Bradford/organization'));
});

test('a known name repeated in an ALL-CAPS headline after a nationality is found ("GERMAN BUNDESBANK")', () => {
  assert.ok(typed('GERMAN KESTRABANK LEAVES RATES UNCHANGED .\n\nVARNA 1996-12-12\n\nThe Kestrabank left its key interest rates unchanged on Thursday , a Kestrabank spokesman said .').includes('KESTRABANK/organization'));
});

test('capitalised words before "Movement" are one organisation ("the Serbian Renewal Movement"); a company named with its legal form keeps a common word opening it ("Northern Kestel Ltd said")', () => {
  assert.ok(typed("Leaders spoke from the balcony of the Varnian Renewal Movement 's headquarters .").includes('Varnian Renewal Movement/organization'));
  assert.ok(typed('Northern Kestel Ltd said on Tuesday it had won a contract .').includes('Northern Kestel Ltd/organization'));
});

test('a full name read as a person after a person and "of" is the employer ("Peter Halloway of Smith Varney"); "Brent crude" names no one; a headline reads weaker than the body', () => {
  assert.ok(typed('" The market is nervous , " said Peter Halloway of Smith Varney in London .').includes('Smith Varney/organization'));
  assert.ok(!typed('Brent crude oil futures rose 30 cents .').some((m) => m.startsWith('Brent')));
  assert.ok(typed('It was 30 percent of U.S. crude oil .').includes('U.S./place'));
  const doc = typed('RUGBY LEAGUE - BRADFORD SIGN AUSTRALIAN FORWARD .\n\nLONDON 1996-12-04\n\nBradford coach Matthew Halloway said the forward would add power .');
  assert.ok(doc.includes('BRADFORD/organization'), JSON.stringify(doc));
});

test('a people\'s plural is a nationality, no name ("white South Africans")', () => {
  assert.deepEqual(typed('President Tomas Halloway urged white South Africans not to emigrate .'), ['Tomas Halloway/person']);
});

test('an organisation the alias table knows by one word is an organisation, whatever the tagger read ("Interpol")', () => {
  assert.ok(typed('Interpol and the Varna police helped in the investigation .').includes('Interpol/organization'));
});

test('a nationality opening a company named with its legal form is the company\'s ("Swiss Bank Corp")', () => {
  assert.ok(typed('The banks , Kesterby Bank of Varna , Swiss Bank Corp and Halden Suisse , said on Wednesday .').includes('Swiss Bank Corp/organization'));
});

test('where most names in parentheses after athletes, before their times, are places, each is a place ("3. Ato Halloway ( Trinidad ) 19.95")', () => {
  const t = typed('200 metres : 1. Tomas Varga ( U.S. ) 19.79 2. Lukas Kesterby ( Namibia ) 19.85 3. Ato Halloway ( Trinidad ) 19.95');
  assert.ok(t.includes('Trinidad/place') && !t.some((m) => m.endsWith('/organization')), JSON.stringify(t));
});

test('the name before a trade that cannot open a company is the company\'s ("Netscape | Communications Corp")', () => {
  assert.ok(typed('Kestrel stepped up its battle with Netscape Communications Corp on Tuesday .').includes('Netscape Communications Corp/organization'));
});

test('a ground is a place, whatever the tagger read ("the Varna Cricket Ground")', () => {
  assert.ok(typed('Kesterby beat Halden by 10 runs at the Varna Cricket Ground on Sunday .').includes('Varna Cricket Ground/place'));
});

test('capitalised words before "Party" the tagger left out are one organisation, after a capitalised "The" opening the sentence', () => {
  assert.ok(typed('The Serb Democratic Party ( SDS ) founded by Tomas Varga won most of the seats .').includes('Serb Democratic Party/organization'));
});

test('a company named with two legal forms names its first word too ("Honda Motor Co Ltd" -> "Honda"), over two readings of it as a place', () => {
  const doc = typed('Honda to build new car plant in Varna .\n\nTOKYO 1996-12-06\n\nHonda Motor Co Ltd said on Friday it would build a car plant .\n\nThe plant will make 15,000 cars a year , a Honda spokesman said .');
  assert.equal(doc.filter((m) => m === 'Honda/organization').length, 2, JSON.stringify(doc));
});

test('a person read ending in a head of place names that is no surname is a place ("Downing Street said")', () => {
  assert.ok(typed('Downing Street said the prime minister was aware .').includes('Downing Street/place'));
  assert.ok(typed('Tom Street said it was over .').includes('Tom Street/person'));
});

test('ice hockey summaries: the names in parentheses after a scorer and his goal count are people ("Sanderson 7 ( Kron , Chiasson )")', () => {
  const t = typed('First period - 1 , Hartford , Sanderson 7 ( Kron , Chiasson ) , 5:17 .');
  assert.ok(t.includes('Kron/person') && t.includes('Chiasson/person'), JSON.stringify(t));
});

test('on a list line of goal counts a town in parentheses after a player is the club ("15 - Ronaldo ( Barcelona )"); a golfer\'s country stays a place', () => {
  assert.deepEqual(typed('15 - Tomasz ( Varna )'), ['Tomasz/person', 'Varna/organization']);
  assert.ok(typed('67 Colin Halloway ( Scotland ) , Hugo Varga ( Sweden )').includes('Scotland/place'));
});

test('an ALL-CAPS kicker opening a mixed-case headline before a dash names nobody ("NEW ISSUE - …", "RESEARCH ALERT - …")', () => {
  assert.deepEqual(typed('NEW ISSUE - Halvard Bank prices $ 150 million bond .'), ['Halvard Bank/organization']);
  assert.deepEqual(typed('RESEARCH ALERT - Brannvik Steel upgraded .'), ['Brannvik Steel/organization']);
});

test('a name opened by an organisation word of another language is an organisation, over "de" to the name after it ("Banco de Mendoza", "Deutsche Morgan Grenfell")', () => {
  assert.deepEqual(typed('He sold the provincial bank , Banco de Mendoza , to a group .'), ['Banco de Mendoza/organization']);
  // several in one sentence: each runs on to its own place name, none is lost when an earlier one took a name in
  const several = typed('Banco de Mendoza , Banco de Galicia , Banco Frances and Banco de Galicia .');
  assert.ok(several[several.length - 1].endsWith('Banco de Galicia/organization') && !several.includes('Galicia/place'), JSON.stringify(several));
  assert.ok(typed('Co-lead managers are Deutsche Morgan Grenfell and Halvard Capital Markets .').includes('Deutsche Morgan Grenfell/organization'));
});

test('a letter a common word labels is no name ("Group B :")', () => {
  assert.ok(!typed('Group B : Austria 27 Germany 24 , Hungary 26 Russia 26').some((t) => t.startsWith('B/')));
});

test('a common word spelled the British way opens no name ("Organisers said", as "Organizers said")', () => {
  assert.deepEqual(typed('Organisers said 8,000 spectators attended .'), []);
  assert.deepEqual(typed('Privatisation was delayed again .'), []);
});

test('cricket: a bowler before his figures ("two for 60") and the bowler a batsman was out to are people; a side\'s score is no bowler\'s', () => {
  assert.ok(typed('Pollock took three wickets for 41 and Lance Klusener two for 60 as India were bowled out for 329 .').includes('Lance Klusener/person'));
  assert.ok(typed('The visitors closed on 32 for one , with Kirsten out for 12 to Javagal Srinath .').includes('Javagal Srinath/person'));
  assert.ok(typed('India 329 for six , South Africa 32 for one .').includes('India/place'));
});

test('on a team sport\'s page a town named alone is its club; not on other pages', () => {
  const page = 'SOCCER - LIVERPOOL GO CLEAR .\nLiverpool went three points clear with a 1-0 win , and Chelsea \'s striker was rested .';
  const t = typed(page);
  assert.ok(t.includes('LIVERPOOL/organization') && t.includes('Liverpool/organization') && t.includes('Chelsea/organization'), JSON.stringify(t));
  assert.ok(!typed('Floods hit Liverpool and Chelsea on Monday .').some((x) => x.endsWith('/organization')));
});

test('"X & Co" is the firm\'s whole name', () => {
  assert.ok(typed('said Ellen Marsh , an analyst with Halvardsen & Co .').includes('Halvardsen & Co/organization'));
});

test('a compound adjective opening the sentence is no part of the name after it ("Second-placed Arsenal")', () => {
  assert.ok(typed('Second-placed Arsenal were held 2-2 at home by Derby .').includes('Arsenal/organization'));
});

test('"Campaign for …" the tagger left out is an organisation, not a person named by its last word before "said"', () => {
  assert.deepEqual(typed('The Lagos-based Campaign for Democracy said hundreds of activists remained in detention .'), ['Campaign for Democracy/organization']);
});

test('a list item\'s "The" opens no organisation ("- The Bank of Greece is expected …")', () => {
  assert.ok(typed('TA NEA\n\n- The Bank of Greece is expected to keep rates unchanged .').includes('Bank of Greece/organization'));
});

test('a company named with its legal form goes by its first word where the second names its trade by a common word ("Brannvik Tool Corp" -> "Brannvik")', () => {
  const t = typed('Shares of Brannvik Tool Corp jumped 4-1/8 .\n\nBrannvik earned $ 1.12 a share , said Ellen Marsh .');
  assert.ok(t.includes('Brannvik/organization'), JSON.stringify(t));
  assert.ok(!typed('Shares of Cincinnati Milacron Inc fell .\n\nCincinnati voters went to the polls .').includes('Cincinnati/organization'));
});

test('what "the … crossing" names is a place ("the Erez crossing point")', () => {
  assert.ok(typed('The meeting would take place at the Erez crossing point on the border .').includes('Erez/place'));
});

test('a press digest names each paper on a line of its own in capitals', () => {
  const t = typed('PRESS DIGEST - Norway - Dec 11 .\n\nOSLO 1996-12-11\n\nMORGENVAKT\n\n- Farmers block roads .\n\nDAGENS LYS\n\n- Halden Steel unions threaten a strike .');
  assert.ok(t.includes('MORGENVAKT/organization') && t.includes('DAGENS LYS/organization') && t.includes('OSLO/place'), JSON.stringify(t));
  assert.ok(!typed('OSLO 1996-12-11\n\nMORGENVAKT\n\n- Farmers block roads .').includes('MORGENVAKT/organization'));
});

test('"drugmaker", "chipmaker" and other trades before a name cue an organisation; an opener of another language read alone takes the name after it ("Credit | Suisse")', () => {
  assert.ok(typed('Shares were led by drugmaker Roche , dealers said .').includes('Roche/organization'));
  assert.ok(typed('Union Bank of Switzerland slipped , while Credit Suisse rose 2 francs .').includes('Credit Suisse/organization'));
});

test('a full name in the body opening with another person\'s surname stays whole ("Karl Malone" beside "George Karl")', () => {
  assert.ok(typed('Karl Malone had 28 points .\n\nCoach George Karl said it was over .').includes('Karl Malone/person'));
});

test('on a team sport\'s page a dateline naming a club\'s town does not make the club a place ("HOUSTON" over "for Houston")', () => {
  const t = typed('BASKETBALL - ROCKETS WIN .\n\nHOUSTON 1996-12-13\n\nOlajuwon scored 30 points as the Houston Rockets beat the Denver Nuggets 110-98 .\n\nBarkley added 18 points for Houston , which has won eight games .');
  assert.equal(t[t.length - 1], 'Houston/organization', JSON.stringify(t));
});

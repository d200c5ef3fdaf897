#!/usr/bin/env node
// Source of syntaxes/article.tmLanguage.json (scope `text.article`).
//
// The grammar's regular expressions share fragments (a person's name, a place,
// an outlet), so they are assembled here and written out as JSON:
//
//   node test/grammar/generate-grammar.mjs          # rewrite the JSON
//   node test/grammar/generate-grammar.mjs --check  # exit 1 if the JSON is stale
//
// This file lives under test/ so that it stays out of the .vsix (.vscodeignore
// ships all of syntaxes/). The fixtures next to it (*.article) pin the
// behaviour; run them with vscode-tmgrammar-test (see README.md here).
//
// Regexes are Oniguruma (what VS Code uses): \p{L} letters, \p{Lu} capitals.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', '..', 'syntaxes', 'article.tmLanguage.json');

// ---------------------------------------------------------------- fragments

// Characters that open or close a double quote of any style; single-quoted
// fragments may not run across them.
const DQ = '"“”„«»';

// One capitalised word of a name: Jane, O’Neill, Smith-Jones, J., McDONALD.
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*";
// Lower-case particles allowed between the capitalised words of a name.
const PARTICLE = '(?:de|da|di|del|della|der|den|van|von|la|le|al|el|bin|ibn|y|dos|du)';
// A person: at least two capitalised words, e.g. "Jane Doe", "JANE VAN DER ROE".
const PERSON = `${CAP_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${CAP_WORD})+`;
// Several people: "A B", "A B and C D", "A B, C D and E F", "A B & C D".
// A comma joins names only in a list closed by "and"/"&", so that in
// "By Jane Doe, Associated Press" the part after the comma is the outlet.
const PEOPLE = `${PERSON}(?:(?:\\s*,\\s*${PERSON})*\\s*,?(?:\\s+and\\s+|\\s*&\\s*)${PERSON})?`;
// A place after "in": "in Moscow", "in New York", "in Lucca, Italy".
const IN_PLACE = `\\s+in\\s+${CAP_WORD}(?:[\\s,]+${CAP_WORD})*`;

// A dateline city in capitals: LUCCA, NEW YORK, ST. LOUIS, PORT-AU-PRINCE,
// N'DJAMENA, SÃO PAULO, BEIRUT/MOSCOW. At least two letters.
const CITY_WORD = "\\p{Lu}[\\p{Lu}\\p{M}.'’\\-]*\\p{Lu}\\.?";
const CITY_CAPS = `${CITY_WORD}(?:[ /]${CITY_WORD})*`;
// A city in title case (only accepted when an outlet follows): Lucca, New York.
const TITLE_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’\\-]+";
const CITY_TITLE = `${TITLE_WORD}(?:[ /]${TITLE_WORD})*`;
// The region after the city: "Italy", "Costa Rica", "N.Y.", "Calif.".
const REGION = "\\p{Lu}[\\p{L}\\p{M}.'’\\-]*(?:\\s\\p{Lu}[\\p{L}\\p{M}.'’\\-]*)*";
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE = `${MONTH}\\.?\\s+\\d{1,2}`;
// A bare (unbracketed) outlet after a title-case city, as in "Lucca, Italy CNN —".
const BARE_OUTLET = '(?:AP|AFP|CNN|BBC|UPI|TASS|RIA|ANSA|EFE|dpa|Reuters|Xinhua)';
// Capitalised words that are not a dateline city when a dash follows at once.
const NOT_CITY =
  '(?:NATO|EU|UN|US|UK|USA|UPDATE|UPDATED|BREAKING|EXCLUSIVE|WATCH|LIVE|VIDEO|PHOTOS|ANALYSIS|OPINION|EDITORIAL|CORRECTION|NOTE|WARNING|FILE)';
// The dateline dash: em dash, en dash, hyphen or a double hyphen, then a space.
const DASH = '(—|–|--|-)(?=\\s|$)';

// h:mm, hh:mm or h:mm:ss (0:00, 1:42, 10:30, 0:01:59).
const TIME = '\\d{1,2}:[0-5]\\d(?::[0-5]\\d)?';

// ---------------------------------------------------------------- rules

const timestamp = {
  comment: 'A clock or player time: 0:00, 1:42, 0:01:59, 10:30.',
  name: 'constant.numeric.timestamp.article',
  match: `(?<![\\p{N}:.])${TIME}(?![\\p{N}:]|\\.\\d)`,
};

const url = {
  comment: 'http(s)/ftp URLs and www. addresses; trailing sentence punctuation is left out.',
  name: 'markup.underline.link.article',
  match: `(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>${DQ}‘’]*[^\\s<>${DQ}‘’.,;:!?'()\\[\\]]`,
};

const email = {
  name: 'markup.underline.link.email.article',
  match: "(?<![\\w.+\\-])[\\w.+\\-]+@[\\w\\-]+(?:\\.[\\w\\-]+)*\\.\\p{L}{2,}\\b",
};

const contraction = {
  comment:
    "rock 'n' roll, rock ‘n’ roll: the elided 'n' is not a quotation. (Matched with no scope so the single-quote rules never see it.)",
  match: "(?<=\\s)['‘’]n['’](?=\\s)",
};

const singleStraight = {
  comment:
    "A 'headline fragment' in straight single quotes. It opens only where the ' is not inside a word (don't, Putin's, the 1990's) and must close on the same line, so elisions ('em, 'til, '90s) never start a quote. An apostrophe between letters may occur inside.",
  name: 'string.quoted.single.article',
  match: `(?<![\\p{L}\\p{N}'’])(')((?!\\s)(?:[^'${DQ}\\n]|(?<=\\p{L})'(?=\\p{L}))*?(?<!\\s))(')(?![\\p{L}\\p{N}])`,
  captures: {
    1: { name: 'punctuation.definition.string.begin.article' },
    3: { name: 'punctuation.definition.string.end.article' },
  },
};

const singleCurly = {
  comment:
    "A ‘headline fragment’ in curly single quotes. ’ is also the typographic apostrophe, so ’ followed by a letter (Putin’s) does not close; the quote must close on the same line, and ‘90s / ‘98 do not open.",
  name: 'string.quoted.single.article',
  match: `(?<![\\p{L}\\p{N}])(‘)(?!\\s|\\d\\d(?:s)?\\b)((?:[^’${DQ}\\n]|’(?=\\p{L}))*?(?<!\\s))(’)(?![\\p{L}\\p{N}])`,
  captures: {
    1: { name: 'punctuation.definition.string.begin.article' },
    3: { name: 'punctuation.definition.string.end.article' },
  },
};

const singleAngle = {
  name: 'string.quoted.single.guillemet.article',
  match: '(‹)([^›\\n]*)(›)',
  captures: {
    1: { name: 'punctuation.definition.string.begin.article' },
    3: { name: 'punctuation.definition.string.end.article' },
  },
};

const insideQuote = [
  { include: '#contraction' },
  { include: '#quote-single' },
  { include: '#url' },
  { include: '#email' },
  { include: '#timestamp' },
];

// A quotation ends at its closing mark or, if the writer left it open (the news
// convention for a quote that runs on into the next paragraph), at the end of
// the line: a quote never spans lines here.
function doubleQuote(comment, name, begin, end) {
  return {
    comment,
    name,
    begin: `(${begin})`,
    beginCaptures: { 1: { name: 'punctuation.definition.string.begin.article' } },
    end: `(${end})|$`,
    endCaptures: { 1: { name: 'punctuation.definition.string.end.article' } },
    patterns: insideQuote,
  };
}

const quoteDouble = {
  patterns: [
    doubleQuote(
      'Straight "…". Not after a digit, so 12" or 5\'11" do not open a quote.',
      'string.quoted.double.article',
      '(?<!\\p{N})"',
      '"',
    ),
    doubleQuote('Curly “…”.', 'string.quoted.double.article', '“', '”'),
    doubleQuote('Low-high „…“ (German, Polish…).', 'string.quoted.double.article', '„', '“|”'),
    doubleQuote('Guillemets «…».', 'string.quoted.double.guillemet.article', '«', '»'),
  ],
};

const quoteSingle = {
  patterns: [{ include: '#contraction' }, singleStraight, singleCurly, singleAngle],
};

const datelineCaptures = {
  1: { name: 'entity.name.tag.place.article' },
  2: { name: 'punctuation.separator.comma.article' },
  3: { name: 'entity.name.tag.place.region.article' },
  4: { name: 'punctuation.separator.comma.article' },
  5: { name: 'constant.other.date.article' },
  6: { name: 'constant.other.outlet.article' },
  7: { name: 'punctuation.separator.dateline.article' },
};

const dateline = {
  comment:
    'A dateline at the start of a line: "LUCCA, Italy (AP) —", "MOSCOW (Reuters) -", "HARBOURTOWN, Ruritania —", "LONDON, April 11 (Reuters) -", "Lucca, Italy CNN —", "(CNN) —". The lede that follows on the same line is ordinary text.',
  patterns: [
    {
      comment:
        'City in capitals; region, date and outlet optional. A few capitalised words that open prose or page furniture ("NATO — …", "UPDATE — …") are not cities when the dash follows at once.',
      name: 'meta.dateline.article',
      match: `^\\s*(?!${NOT_CITY}\\s*[—–-])(${CITY_CAPS})(?:(,)\\s*(${REGION}))?(?:(,)\\s*(${DATE}))?\\s*(\\(\\p{Lu}[^()\\n]{0,39}\\)|${BARE_OUTLET})?\\s*${DASH}`,
      captures: datelineCaptures,
    },
    {
      comment: 'City in title case: only with an outlet, "Lucca, Italy CNN —", "Washington (CNN) —".',
      name: 'meta.dateline.article',
      match: `^\\s*(${CITY_TITLE})(?:(,)\\s*(${REGION}))?(?:(,)\\s*(${DATE}))?\\s+(\\(\\p{Lu}[^()\\n]{0,39}\\)|${BARE_OUTLET})\\s*${DASH}`,
      captures: datelineCaptures,
    },
    {
      comment: 'Outlet alone: "(CNN) —".',
      name: 'meta.dateline.article',
      match: `^\\s*(\\((?:${BARE_OUTLET}|[\\p{Lu}][\\p{L}. ]{1,30})\\))\\s*${DASH}`,
      captures: {
        1: { name: 'constant.other.outlet.article' },
        2: { name: 'punctuation.separator.dateline.article' },
      },
    },
  ],
};

const byline = {
  comment:
    'A byline: a whole line "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press", "By Jane Doe in Moscow", "By Jane Doe | Reuters". "By" must start the line and be followed by names of two or more capitalised words, so "By Tuesday evening, …" is prose.',
  name: 'meta.byline.article',
  match: `^\\s*(By|BY|by)\\s+(${PEOPLE})(${IN_PLACE})?(?:\\s*(,|\\||—|–|-)\\s*(\\p{Lu}[\\p{L}\\p{N}\\p{M} .,&'’/()\\-]{0,80}?))?\\s*$`,
  captures: {
    1: { name: 'keyword.other.byline.article' },
    2: {
      patterns: [
        { match: '\\s*(?:,\\s*(?:and\\s+)?|\\band\\b|&)\\s*' },
        { name: 'entity.name.tag.author.article', match: `${PERSON}` },
      ],
    },
    3: { patterns: [{ name: 'entity.name.tag.place.article', match: CAP_WORD + '(?:[\\s,]+' + CAP_WORD + ')*' }] },
    5: { name: 'constant.other.outlet.article' },
  },
};

const CREDIT_VERB = '(?i:reporting|writing|editing|research|compiled|graphics|photos?|video)';
const CREDIT_SEGMENT = `(?:[Ww]ith\\s+)?(?:[Aa]dditional\\s+)?${CREDIT_VERB}\\s+by\\s+${PEOPLE}(?:${IN_PLACE})?`;

const credit = {
  comment: 'Credit lines, dimmed like comments.',
  patterns: [
    {
      comment:
        '"Reporting by Jane Doe; Editing by John Roe", "(Additional reporting by Jane Doe in Lucca)", "With reporting by Jane Doe and John Roe."',
      name: 'comment.line.credit.article',
      match: `^\\s*\\(?\\s*${CREDIT_SEGMENT}(?:\\s*[;,.]\\s*${CREDIT_SEGMENT})*\\s*\\)?\\.?\\s*$`,
    },
    {
      comment: '"Associated Press writer Jane Doe in Moscow contributed to this report." — the line must end there.',
      name: 'comment.line.credit.article',
      match: '^.{0,200}\\bcontributed\\s+(?:to\\s+this\\s+(?:report|story|article)|reporting)\\.?\\)?\\s*$',
    },
  ],
};

const RESIDUE_LINES = [
  'please\\s+wait\\.*',
  'loading\\.*',
  'no\\s+media\\s+source\\s+currently\\s+available',
  'media\\s+playback\\s+is\\s+unsupported\\s+on\\s+your\\s+device',
  'share\\s+this\\s+(?:article|story|page|video)',
  'share(?:\\s+on\\s+\\w+)?',
  'embed',
  'advertisement',
  'accessibility\\s+links',
  'skip\\s+to\\s+(?:main\\s+)?content',
  'story\\s+highlights',
  'read\\s+more',
  'image\\s+copyright\\b.*',
  'image\\s+caption',
  '(?:photo|image|picture)\\s*(?:credit)?\\s*:.*',
  '(?:copyright\\s*)?©.*',
  'all\\s+rights\\s+reserved\\.?',
];

const residue = {
  comment:
    'Web-page and media-player residue left in scraped text, dimmed like a comment.',
  patterns: [
    {
      comment: 'A line of player times: "0:00", "1:42 / 3:05", "0:00 0:01:59 0:00", "02:52 - Source: CNN".',
      name: 'comment.block.residue.article',
      match: `^\\s*(${TIME}(?:\\s*(?:/|of|-)?\\s*${TIME})*(?:\\s*[-–—]\\s*Source:.*)?)\\s*$`,
      captures: { 1: { patterns: [{ include: '#timestamp' }] } },
    },
    {
      comment: 'Whole lines of page furniture.',
      name: 'comment.block.residue.article',
      match: `(?i)^\\s*(?:${RESIDUE_LINES.join('|')})\\s*$`,
    },
    {
      comment: 'An agency photo credit anywhere: "Getty Images", "AFP/Getty Images".',
      name: 'comment.block.residue.article',
      match: '(?<![\\p{L}/])(?:\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)*\\s*/\\s*)*Getty\\s+Images\\b',
    },
  ],
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'News article',
  scopeName: 'text.article',
  comment: 'Generated by test/grammar/generate-grammar.mjs — edit that file, not this one.',
  patterns: [
    { include: '#residue' },
    { include: '#byline' },
    { include: '#credit' },
    { include: '#dateline' },
    { include: '#url' },
    { include: '#email' },
    { include: '#quote-double' },
    { include: '#quote-single' },
    { include: '#timestamp' },
  ],
  repository: {
    residue,
    byline,
    credit,
    dateline,
    url,
    email,
    'quote-double': quoteDouble,
    'quote-single': quoteSingle,
    contraction,
    timestamp,
  },
};

const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== json) {
    console.error(`${target} is stale: run node test/grammar/generate-grammar.mjs`);
    process.exit(1);
  }
  console.log('grammar is up to date');
} else {
  writeFileSync(target, json);
  console.log(`wrote ${target}`);
}

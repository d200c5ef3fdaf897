// Deterministic, seeded generator of synthetic news corpora for benchmarks and scale tests.
//
// generateCorpus({ articles, outlets, events, seed }) returns N articles (~5 KB each) written by K
// invented outlets about M invented events. The text is assembled from sentence templates and
// vocabulary, and carries what real scraped corpora carry: the same quotation printed by several
// outlets (curly or straight marks, curly or straight apostrophes, truncated to a clause, with a
// one-word edit, split in two by "he said", as a single-quoted headline fragment), recurring people
// and organisations under several forms (full name with title, "Mr"/"Ms" + surname, bare surname,
// possessive; two transliterations of some first names, two spellings of some organisations, an
// acronym after its expansion), encoding damage (~1 article in 20), doubled words (~1 in 10),
// grammatical doubles that are not errors ("had had", "that that"), per-outlet footers (some shared
// by a syndicate), media-player lines and other scraper residue.
//
// Every article depends only on (seed, its index) and the world built from (seed, options), so the
// same seed always gives the same bytes, and iterateCorpus can stream a 50,000-article corpus.
// Each article comes with `truth`: what was put into it (quote families and variants with line
// numbers, mojibake count, doubled words, entity mentions), so benchmarks can score precision/recall.
// Quotes come from a word-level grammar with large vocabularies: distinct quote families never
// share an eight-word run (checked when the world is built), one-off quotes almost never do, and
// both share short common phrases ("the families deserve", "help restore trust") as near misses.
// The narrative prose around them is templated and repeats across articles, as wire copy does.
// No dependencies; no Math.random, no clock. 50,000 articles (265 MB) take about 16 s to write.

// ---------------------------------------------------------------------------------------------
// Public types

export interface CorpusOptions {
  /** Number of articles. */
  articles: number;
  /** Number of outlets (default 12). */
  outlets?: number;
  /** Number of events (default: one per 40 articles, at least 1). */
  events?: number;
  /** PRNG seed (default 1). */
  seed?: number;
}

export type QuoteVariant = 'full' | 'truncated' | 'edited' | 'split' | 'headline';

export interface QuoteOccurrence {
  /** Family id: `q<event>.<k>` for quotes shared across articles (see World.quotes); `u<hash of text>` for a quote made up for one article (the rare identical texts share an id). */
  family: string;
  /** Person id of the speaker (or organisation id for a statement). */
  speaker: string;
  variant: QuoteVariant;
  /** 1-based line of the article where the quote (its first span) is printed. */
  line: number;
  /** Multi-paragraph quote: the number of paragraphs (lines) it spans. */
  paragraphs?: number;
}

export interface EntityMention {
  /** Entity id (see World.people / organisations / places). */
  entity: string;
  /** The exact form printed, before any encoding damage. */
  form: string;
  line: number;
}

export interface ArticleTruth {
  outlet: string;
  event: string;
  quotes: QuoteOccurrence[];
  /** Number of characters that were mis-decoded (each became a `Ã…`/`â€…`/`Â` sequence); 0 = clean. */
  mojibake: number;
  /** Erroneous doubled words ("the the"): what a checker should flag. */
  doubledWords: Array<{ line: number; word: string }>;
  /** Grammatical doubles ("had had", "that that decision"): must not be flagged. */
  grammaticalDoubles: Array<{ line: number; text: string }>;
  /** One-word scare quotes (not speech). */
  scareQuotes: number;
  mentions: EntityMention[];
  /** Kinds of scraper residue present: media-player, footer, triple-space, spaced-abbreviation, quote-apostrophe, nav. */
  residue: string[];
}

export interface GeneratedArticle {
  path: string;
  text: string;
  truth: ArticleTruth;
}

export interface PersonInfo {
  id: string;
  type: 'person';
  /** Canonical full name (first transliteration). */
  name: string;
  /** Every spelling of the full name. */
  names: string[];
  surname: string;
  title: string;
  country: string;
  gender: 'm' | 'f';
}

export interface OrgInfo {
  id: string;
  type: 'organisation';
  name: string;
  /** Every spelling (including the acronym if any). */
  names: string[];
  acronym?: string;
}

export interface PlaceInfo {
  id: string;
  type: 'place';
  name: string;
  kind: 'country' | 'city';
}

export interface OutletInfo {
  id: string;
  name: string;
  slug: string;
  kind: 'wire' | 'paper' | 'broadcast' | 'web';
  ext: '.txt' | '.article';
  curlyQuotes: boolean;
  curlyApostrophes: boolean;
  blankLines: boolean;
  honorifics: boolean;
  dateline: boolean;
  spacedAbbreviations: boolean;
  /** Preferred transliteration / spelling index (0 or 1). */
  spelling: 0 | 1;
  footer: string[];
}

export interface QuoteFamilyInfo {
  id: string;
  event: string;
  speaker: string;
  /** Canonical text, straight apostrophes, no quote marks. */
  text: string;
}

export interface EventInfo {
  id: string;
  kind: string;
  countryA: string;
  countryB: string;
  host: string;
  quotes: string[];
}

export interface World {
  seed: number;
  articles: number;
  outlets: OutletInfo[];
  events: EventInfo[];
  people: PersonInfo[];
  organisations: OrgInfo[];
  places: PlaceInfo[];
  quotes: QuoteFamilyInfo[];
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a tiny, fast 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) | 0, 0x85ebca6b) ^ Math.imul(b | 0, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  weighted(weights: readonly number[], total: number): number {
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: real places, invented everything else

type Culture = 'ro' | 'sl' | 'gr' | 'ka' | 'hy' | 'nd' | 'ib' | 'bl';

interface Country {
  name: string;
  demonym: string;
  capital: string;
  cities: string[];
  culture: Culture;
  head: 'President' | 'Prime Minister';
}

const COUNTRIES: Country[] = [
  { name: 'Romania', demonym: 'Romanian', capital: 'Bucharest', cities: ['Giurgiu', 'Constanta', 'Galati', 'Braila'], culture: 'ro', head: 'President' },
  { name: 'Moldova', demonym: 'Moldovan', capital: 'Chisinau', cities: ['Balti', 'Cahul', 'Ungheni'], culture: 'ro', head: 'President' },
  { name: 'Bulgaria', demonym: 'Bulgarian', capital: 'Sofia', cities: ['Ruse', 'Varna', 'Burgas', 'Vidin'], culture: 'sl', head: 'President' },
  { name: 'Serbia', demonym: 'Serbian', capital: 'Belgrade', cities: ['Novi Sad', 'Smederevo', 'Nis'], culture: 'sl', head: 'President' },
  { name: 'Montenegro', demonym: 'Montenegrin', capital: 'Podgorica', cities: ['Bar', 'Niksic', 'Kotor'], culture: 'sl', head: 'Prime Minister' },
  { name: 'North Macedonia', demonym: 'Macedonian', capital: 'Skopje', cities: ['Ohrid', 'Bitola', 'Kumanovo'], culture: 'sl', head: 'Prime Minister' },
  { name: 'Kazakhstan', demonym: 'Kazakh', capital: 'Astana', cities: ['Almaty', 'Aktau', 'Atyrau'], culture: 'sl', head: 'President' },
  { name: 'Greece', demonym: 'Greek', capital: 'Athens', cities: ['Thessaloniki', 'Patras', 'Piraeus', 'Volos'], culture: 'gr', head: 'Prime Minister' },
  { name: 'Cyprus', demonym: 'Cypriot', capital: 'Nicosia', cities: ['Limassol', 'Larnaca', 'Paphos'], culture: 'gr', head: 'President' },
  { name: 'Georgia', demonym: 'Georgian', capital: 'Tbilisi', cities: ['Batumi', 'Poti', 'Kutaisi'], culture: 'ka', head: 'Prime Minister' },
  { name: 'Armenia', demonym: 'Armenian', capital: 'Yerevan', cities: ['Gyumri', 'Vanadzor', 'Dilijan'], culture: 'hy', head: 'Prime Minister' },
  { name: 'Norway', demonym: 'Norwegian', capital: 'Oslo', cities: ['Bergen', 'Tromso', 'Stavanger'], culture: 'nd', head: 'Prime Minister' },
  { name: 'Denmark', demonym: 'Danish', capital: 'Copenhagen', cities: ['Aarhus', 'Esbjerg', 'Aalborg'], culture: 'nd', head: 'Prime Minister' },
  { name: 'Sweden', demonym: 'Swedish', capital: 'Stockholm', cities: ['Gothenburg', 'Malmo', 'Lulea'], culture: 'nd', head: 'Prime Minister' },
  { name: 'Iceland', demonym: 'Icelandic', capital: 'Reykjavik', cities: ['Akureyri', 'Husavik'], culture: 'nd', head: 'Prime Minister' },
  { name: 'Portugal', demonym: 'Portuguese', capital: 'Lisbon', cities: ['Porto', 'Faro', 'Setubal'], culture: 'ib', head: 'Prime Minister' },
  { name: 'Spain', demonym: 'Spanish', capital: 'Madrid', cities: ['Bilbao', 'Valencia', 'Vigo'], culture: 'ib', head: 'Prime Minister' },
  { name: 'Uruguay', demonym: 'Uruguayan', capital: 'Montevideo', cities: ['Salto', 'Colonia', 'Paysandu'], culture: 'ib', head: 'President' },
  { name: 'Chile', demonym: 'Chilean', capital: 'Santiago', cities: ['Valparaiso', 'Antofagasta', 'Concepcion'], culture: 'ib', head: 'President' },
  { name: 'Estonia', demonym: 'Estonian', capital: 'Tallinn', cities: ['Tartu', 'Parnu', 'Narva'], culture: 'bl', head: 'Prime Minister' },
  { name: 'Finland', demonym: 'Finnish', capital: 'Helsinki', cities: ['Turku', 'Oulu', 'Kotka'], culture: 'bl', head: 'President' },
  { name: 'Latvia', demonym: 'Latvian', capital: 'Riga', cities: ['Liepaja', 'Ventspils', 'Daugavpils'], culture: 'bl', head: 'President' },
  { name: 'Lithuania', demonym: 'Lithuanian', capital: 'Vilnius', cities: ['Klaipeda', 'Kaunas', 'Siauliai'], culture: 'bl', head: 'President' },
];

/** First names as [transliteration 0, transliteration 1] where they differ, else one form. */
interface NamePool {
  m: string[][];
  f: string[][];
  stems: string[];
  suffixes: string[];
  /** A surname ending spelled two ways (-yan / -ian). */
  surnameVariant?: [string, string];
  feminine?: (surname: string) => string;
}

const NAMES: Record<Culture, NamePool> = {
  ro: {
    m: [['Sorin'], ['Mihai'], ['Radu'], ['Bogdan'], ['Ovidiu'], ['Doru'], ['Tudor'], ['Cezar'], ['Silviu'], ['Emil']],
    f: [['Ioana'], ['Corina'], ['Anca'], ['Irina'], ['Raluca'], ['Simona'], ['Oana'], ['Lavinia']],
    stems: ['Albu', 'Vlad', 'Dobr', 'Cazac', 'Mares', 'Lup', 'Tom', 'Stoic', 'Radul', 'Barb', 'Cern', 'Grig', 'Negr', 'Ursul'],
    suffixes: ['escu', 'eanu', 'ache', 'oiu', 'ici', 'ariu'],
  },
  sl: {
    m: [['Nikolai', 'Nikolay'], ['Sergei', 'Sergey'], ['Andrei', 'Andrey'], ['Dmitri', 'Dmitry'], ['Yuri', 'Yury'], ['Aleksei', 'Alexei'], ['Georgi', 'Georgiy'], ['Vasili', 'Vasily'], ['Timofei', 'Timofey'], ['Arkadi', 'Arkady'], ['Grigori', 'Grigory'], ['Matvei', 'Matvey']],
    f: [['Yelena', 'Elena'], ['Tatiana', 'Tatyana'], ['Natalia', 'Natalya'], ['Yulia', 'Yuliya'], ['Ksenia', 'Kseniya'], ['Daria', 'Darya']],
    stems: ['Zher', 'Vol', 'Kras', 'Bel', 'Dor', 'Mir', 'Sok', 'Tal', 'Ves', 'Grab', 'Lut', 'Prok', 'Ryab', 'Svet', 'Tikh', 'Zar', 'Pesh', 'Dub', 'Kam', 'Rast'],
    suffixes: ['avin', 'enko', 'anov', 'insky', 'itsky', 'elin', 'arov', 'ukhin', 'etsov', 'yakin', 'ishev', 'onov'],
    feminine: (s) => (s.endsWith('sky') ? s.slice(0, -1) + 'aya' : /(ov|ev|in)$/.test(s) ? s + 'a' : s),
  },
  gr: {
    m: [['Giorgos', 'Yiorgos'], ['Konstantinos', 'Constantinos'], ['Panagiotis', 'Panayiotis'], ['Vasilis', 'Vassilis'], ['Christos', 'Hristos'], ['Nikos', 'Nicos'], ['Stavros'], ['Michalis', 'Mihalis']],
    f: [['Katerina', 'Aikaterini'], ['Eleni'], ['Despina', 'Despoina'], ['Vasiliki', 'Vassiliki'], ['Dimitra']],
    stems: ['Papa', 'Kara', 'Stavro', 'Mavro', 'Leka', 'Zervo', 'Kouri', 'Drako', 'Theo', 'Ghika', 'Lambro', 'Vlacho'],
    suffixes: ['poulos', 'kis', 'dis', 'nidis', 'giannis', 'tos'],
    feminine: (s) => s.replace(/poulos$/, 'poulou').replace(/(kis|dis|nis|tos)$/, (m) => ({ kis: 'ki', dis: 'di', nis: 'ni', tos: 'tou' } as Record<string, string>)[m]),
  },
  ka: {
    m: [['Giorgi', 'Georgi'], ['Levan', 'Levani'], ['Davit', 'David'], ['Irakli', 'Irakliy'], ['Zurab', 'Zourab'], ['Tornike']],
    f: [['Tamar', 'Tamara'], ['Ketevan', 'Ketevani'], ['Nino'], ['Mariam', 'Maryam']],
    stems: ['Bera', 'Kvara', 'Gel', 'Tsere', 'Lomi', 'Mchedl', 'Javakh', 'Kiknad', 'Tsint', 'Gogi', 'Kavt', 'Surgul'],
    suffixes: ['shvili', 'dze', 'ia', 'iani', 'adze'],
  },
  hy: {
    m: [['Hovhannes', 'Ovanes'], ['Vardan', 'Vartan'], ['Tigran', 'Dikran'], ['Hakob', 'Akop'], ['Aram'], ['Gevorg', 'Kevork']],
    f: [['Anahit', 'Anahid'], ['Lilit', 'Lilith'], ['Hasmik', 'Asmik'], ['Gayane', 'Kayane']],
    stems: ['Petros', 'Sarg', 'Mkrt', 'Harut', 'Hovsep', 'Avet', 'Manuk', 'Gasp', 'Voskan', 'Melik', 'Ghazar', 'Nersis', 'Vahan', 'Babaj', 'Toros', 'Galst', 'Minas', 'Zakar'],
    suffixes: ['yan'],
    surnameVariant: ['yan', 'ian'],
  },
  nd: {
    m: [['Lars'], ['Erik'], ['Henrik'], ['Anders'], ['Jonas'], ['Magnus'], ['Torben'], ['Sindre']],
    f: [['Helga'], ['Ingrid'], ['Sigrid'], ['Maren'], ['Astrid'], ['Liv'], ['Karin'], ['Solveig']],
    stems: ['Berg', 'Lind', 'Holm', 'Dahl', 'Mar', 'Vik', 'Sand', 'Ek', 'Fjell', 'Brand', 'Ros', 'Tor'],
    suffixes: ['gren', 'qvist', 'rud', 'stad', 'strand', 'by', 'heim', 'vold'],
  },
  ib: {
    m: [['Mateo'], ['Tiago'], ['Rodrigo'], ['João'], ['Gonçalo'], ['Álvaro'], ['Sebastián']],
    f: [['Lucía'], ['Inês'], ['Carmen'], ['Beatriz'], ['Marta'], ['Adriana']],
    stems: ['Ferr', 'Alv', 'Quint', 'Barr', 'Sarm', 'Oliv', 'Meir', 'Cald', 'Torr', 'Rib', 'Vasc', 'Lour'],
    suffixes: ['eira', 'ado', 'anes', 'ento', 'ares', 'elas', 'inho', 'edo'],
  },
  bl: {
    m: [['Toomas'], ['Jaan'], ['Mart'], ['Kalev'], ['Rasmus'], ['Aivar'], ['Juhani'], ['Mikko']],
    f: [['Kadri'], ['Liina'], ['Maarja'], ['Triin'], ['Katrin'], ['Aino']],
    stems: ['Saar', 'Tamm', 'Kask', 'Mets', 'Lepp', 'Kuusk', 'Rebas', 'Pärn', 'Haap', 'Vaht', 'Kivi', 'Sild'],
    suffixes: ['ik', 'mann', 'ste', 'oja', 'salu', 'nen', 'maa', 'vere'],
  },
};

interface EventKind {
  kind: string;
  tragedy: boolean;
  inc: string[];
  proc: string[];
  obj: string[];
  issue: string[];
  group: string[];
  domain: string[];
  sector: 'Transport' | 'Trade' | 'Energy' | 'Interior';
  headline: string[];
}

const KINDS: EventKind[] = [
  {
    kind: 'ferry', tragedy: true, sector: 'Transport',
    inc: ['the collision', 'the sinking', 'the ferry disaster', 'the accident on the river'],
    proc: ['the inquiry', 'the joint inquiry', 'the investigation'],
    obj: ['the voyage records', 'the radio logs', 'the crew rosters', 'the maintenance files'],
    issue: ['river safety', 'night navigation', 'safety on the water'],
    group: ['the families', 'the survivors', 'the bereaved families'],
    domain: ['Pilotage', 'River Navigation', 'Maritime Safety'],
    headline: ['ferry inquiry widens', 'ferry talks open', 'river disaster inquiry begins'],
  },
  {
    kind: 'mine', tragedy: true, sector: 'Interior',
    inc: ['the mine collapse', 'the explosion underground', 'the disaster at the mine'],
    proc: ['the rescue operation', 'the safety inquiry', 'the investigation'],
    obj: ['the inspection reports', 'the ventilation records', 'the safety audits'],
    issue: ['mine safety', 'safety underground', 'safety at work'],
    group: ["the miners' families", 'the rescue teams', 'the miners'],
    domain: ['Mine Safety', 'Mining Standards'],
    headline: ['mine inquiry opens', 'mine rescue talks', 'pressure grows over mine collapse'],
  },
  {
    kind: 'flood', tragedy: true, sector: 'Interior',
    inc: ['the dam breach', 'the flooding', 'the flood'],
    proc: ['the damage assessment', 'the emergency talks', 'the inquiry'],
    obj: ['the reservoir data', 'the warning logs', 'the engineering surveys'],
    issue: ['flood protection', 'water management'],
    group: ['the villagers', 'the farmers', 'the families who lost their homes'],
    domain: ['Water Management', 'Flood Defence', 'River Basin'],
    headline: ['flood talks open', 'dam inquiry widens', 'anger grows after flood'],
  },
  {
    kind: 'trade', tragedy: false, sector: 'Trade',
    inc: ['the import ban', 'the tariff increase', 'the border closure'],
    proc: ['the trade talks', 'the negotiations', 'the arbitration'],
    obj: ['the customs data', 'the quota figures', 'the draft agreement'],
    issue: ['market access', 'fair competition', 'the grain trade'],
    group: ['farmers', 'exporters', 'hauliers'],
    domain: ['Trade Standards', 'Customs Cooperation', 'Export Credit'],
    headline: ['trade talks resume', 'tariff row deepens', 'border trade dispute'],
  },
  {
    kind: 'summit', tragedy: false, sector: 'Interior',
    inc: ['the collapse of the previous round', 'the leaked draft', 'the walkout'],
    proc: ['the summit', 'the talks', 'the ministerial meeting'],
    obj: ['the final communique', 'the draft declaration', 'the proposed timetable'],
    issue: ['regional stability', 'border security', 'energy security'],
    group: ['ordinary citizens', 'people on both sides of the border', 'the next generation'],
    domain: ['Border Cooperation', 'Regional Security'],
    headline: ['summit opens', 'talks open amid tension', 'leaders meet'],
  },
  {
    kind: 'pipeline', tragedy: false, sector: 'Energy',
    inc: ['the pipeline shutdown', 'the gas cut-off', 'the halt in supplies'],
    proc: ['the energy talks', 'the technical review', 'the negotiations'],
    obj: ['the transit contract', 'the metering data', 'the maintenance schedule'],
    issue: ['energy security', 'the security of gas supplies'],
    group: ['households', 'industrial users', 'consumers'],
    domain: ['Energy Transit', 'Gas Network', 'Energy Regulatory'],
    headline: ['gas row escalates', 'pipeline talks stall', 'energy dispute'],
  },
  {
    kind: 'election', tragedy: false, sector: 'Interior',
    inc: ['the disputed count', 'the delayed results', 'the ballot irregularities'],
    proc: ['the recount', 'the observer mission', 'the review of the vote'],
    obj: ['the polling station records', 'the ballot papers', 'the observer reports'],
    issue: ['public trust in elections', 'the rule of law'],
    group: ['voters', 'citizens', 'the opposition'],
    domain: ['Electoral', 'Election Monitoring'],
    headline: ['vote dispute deepens', 'recount row', 'election standoff'],
  },
  {
    kind: 'strike', tragedy: false, sector: 'Transport',
    inc: ['the port strike', 'the blockade of the docks', 'the lockout'],
    proc: ['the mediation', 'the wage talks', 'the arbitration'],
    obj: ['the pay offer', 'the shift rosters', 'the port accounts'],
    issue: ['fair pay', 'port safety'],
    group: ['the dock workers', 'the shipping lines', 'the workers'],
    domain: ['Port Labour', 'Harbour', 'Port Safety'],
    headline: ['port strike talks', 'dock dispute widens', 'strike hits ports'],
  },
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const BODIES = ['Authority', 'Agency', 'Board', 'Commission', 'Council', 'Office', 'Inspectorate'];
const OUTLET_FIRST = ['Danube', 'Eastbridge', 'Westgate', 'Meridian', 'Lantern', 'Tidewater', 'Harbourline', 'Riverbend', 'Greystone', 'Kestrel', 'Saltmarsh', 'Ironbridge', 'Stillwater', 'Amberline', 'Northgate', 'Lowland', 'Heron', 'Brightwater', 'Cinder', 'Fairhaven', 'Oakhurst', 'Redwater', 'Silverline', 'Thornbury', 'Wyvern', 'Larkspur', 'Marlowe', 'Quayside', 'Copperhill', 'Southmoor'];
const OUTLET_SECOND: Array<[string, OutletInfo['kind']]> = [
  ['Wire', 'wire'], ['Herald', 'paper'], ['Ledger', 'paper'], ['Courier', 'paper'], ['Post', 'paper'], ['Radio', 'broadcast'], ['Chronicle', 'paper'], ['Gazette', 'paper'], ['Dispatch', 'web'], ['Observer', 'paper'], ['Review', 'web'], ['Monitor', 'web'], ['Bulletin', 'web'], ['Sentinel', 'paper'], ['Television', 'broadcast'], ['Press Agency', 'wire'], ['Daily', 'web'], ['Journal', 'paper'],
];
const SYNDICATES = ['Riverline Syndicate', 'Northlight News Service', 'Corvid Press Exchange', 'Halcyon Features', 'Stonebridge Media Group'];
const COMPANY_NOUNS = ['Shipping', 'Logistics', 'Energy', 'Transport', 'Holdings', 'Mining', 'Terminals', 'Freight'];
const SCARE_WORDS = ['speculation', 'rumours', 'premature', 'misleading', 'unfounded', 'theatre', 'provocation', 'exaggerated'];
const JOBS = ['teacher', 'shopkeeper', 'retired engineer', 'nurse', 'fisherman', 'taxi driver', 'student', 'baker', 'café owner', 'mechanic'];
const CHAIR_ROLES_TRAGEDY = ['investigator', 'safety inspector', 'judge'];
const CHAIR_ROLES_POLITICS = ['mediator', 'envoy', 'adviser'];

// ---------------------------------------------------------------------------------------------
// Quote grammar. A quote is two or three sentences "subject modal verb determiner [adjective]
// noun [adjunct]" drawn from large word lists (about 10^8 sentences), sometimes joined to a short
// formula ("Let me be clear:", "the families deserve", "help restore trust"). Formulas are at most
// five words, so distinct quotes share common phrases (near-miss negatives for quote linking) but,
// in practice, never an eight-word run. Family quotes are also checked: no two families share an
// 8-token shingle.

const Q_SUBJECTS = ['we', 'I', 'our government', 'nobody in {cap}', 'the {dem_self} side', 'this ministry', 'the investigators', '{group}', 'both governments', 'my colleagues', 'the authorities in {cap}', 'everyone in {host}', '{cself}', '{cother}', 'the inquiry team', 'our partners in {cap}', 'the people of {host}', 'no minister'];
const Q_WITNESS_SUBJECTS = ['we', 'I', 'my neighbours', 'everyone on our street', 'my family', 'people here', 'the people of {host}', 'nobody in {host}', 'the young people here', 'my husband', 'my wife', 'our children'];
const Q_MODALS = ['will', 'cannot', 'must', 'should', 'will not', 'would never', 'could', 'may', 'must not', 'should never', 'can no longer', 'will always', 'would', 'might', 'could never', 'shall'];
const Q_VERBS = ['accept', 'publish', 'examine', 'defend', 'ignore', 'review', 'deliver', 'demand', 'protect', 'explain', 'question', 'hide', 'release', 'restore', 'rebuild', 'share', 'sign', 'reject', 'fund', 'inspect', 'replace', 'repair', 'challenge', 'support', 'respect', 'forget', 'forgive', 'tolerate', 'excuse', 'postpone', 'rush', 'block', 'approve', 'investigate', 'verify', 'audit', 'disclose', 'withhold', 'negotiate', 'honour', 'guarantee', 'finance', 'monitor', 'reopen', 'close', 'modernise', 'upgrade', 'test', 'measure', 'document', 'welcome', 'oppose', 'abandon', 'trust', 'doubt', 'rewrite', 'enforce', 'study', 'answer for', 'pay for'];
const Q_DETS = ['the', 'every', 'any', 'our', 'their', 'another', 'that', 'this', 'a single', 'one more'];
const Q_ADJS = ['unpaid', 'disputed', 'missing', 'outdated', 'confidential', 'delayed', 'incomplete', 'original', 'independent', 'technical', 'official', 'preliminary', 'final', 'revised', 'emergency', 'regional', 'cross-border', 'annual', 'detailed', 'secret', 'public', 'costly', 'faulty', 'neglected', 'urgent', 'basic', 'existing', 'proposed', 'temporary', 'permanent', 'inadequate', 'reliable', 'forgotten', 'overdue', 'unfinished', 'doubtful', 'critical', 'modest', 'joint', 'local', 'written', 'signed', 'broken', 'quiet', 'honest'];
const Q_NOUNS = ['contract', 'report', 'warning', 'inspection', 'budget', 'licence', 'promise', 'timetable', 'agreement', 'audit', 'survey', 'schedule', 'invoice', 'payment', 'permit', 'procedure', 'rule', 'standard', 'deadline', 'inventory', 'register', 'logbook', 'certificate', 'tender', 'subsidy', 'mandate', 'plan', 'proposal', 'complaint', 'claim', 'safeguard', 'loan', 'study', 'map', 'database', 'record', 'statement', 'estimate', 'forecast', 'directive', 'protocol', 'regulation', 'decision', 'request', 'reform', 'pledge', 'strategy', 'assessment', 'manual', 'roster', 'checklist', 'system', 'channel', 'question', 'lesson', 'mistake', 'compromise', 'excuse', 'delay', 'signal'];
const Q_ADJUNCTS = ['before the end of the year', 'before the winter', 'within weeks', 'by the spring', 'this month', 'before the anniversary', 'within days', 'by the summer', 'before the next session', 'this week', 'before Christmas', 'by the autumn', 'within a fortnight', 'before parliament returns', 'by the end of the month', 'in the coming days', 'without further delay', 'by midsummer', 'in {host}', 'in {cap}', 'for {group}', 'on {day}', 'again', 'at any price', 'behind closed doors', 'in public', 'for a second time', 'from {cap}', 'on behalf of {group}', 'after {inc}'];
/** Short formulas (at most five words) that many quotes share. */
const Q_OPENERS = ['Let me be clear:', 'Frankly,', 'In all honesty,', 'To be precise,', 'Once again,', 'Above all,', 'We did not come here to argue.', 'I said this on {day}:', 'The families deserve better.', 'Nobody here slept.', 'This is not about politics.', 'We have been patient.'];
const Q_CLOSERS = ['and the families deserve better', 'and that is not negotiable', 'and everyone here knows it', 'and help restore trust', 'whatever {cap} says', 'and we will not apologise for that'];
const VP1 = ['trade accusations', 'score points', 'make speeches', 'relive old quarrels', 'issue ultimatums', 'lecture anyone', 'apportion blame', 'hear excuses', 'point fingers', 'settle scores'];

function quoteSentence(rng: Rng, ev: Ev, speaker: Person, witness: boolean): string {
  const subject = rng.pick(witness ? Q_WITNESS_SUBJECTS : Q_SUBJECTS);
  let modal = rng.pick(Q_MODALS);
  if (/^no/.test(subject)) modal = modal.replace(/ (not|never|no longer)$/, '').replace(/^cannot$/, 'can');
  const adj = rng.chance(0.75) ? rng.pick(Q_ADJS) + ' ' : '';
  const adjunct = rng.chance(0.7) ? ' ' + rng.pick(Q_ADJUNCTS) : '';
  return fillClause(`${subject} ${modal} ${rng.pick(Q_VERBS)} ${rng.pick(Q_DETS)} ${adj}${rng.pick(Q_NOUNS)}${adjunct}`, rng, ev, speaker);
}

/** Two or three sentences, sometimes with a formula before or after; ends with a full stop. */
function quoteText(rng: Rng, ev: Ev, speaker: Person, sentences: number, witness: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    let sentence = quoteSentence(rng, ev, speaker, witness);
    if (i > 0 && rng.chance(0.25)) sentence = `${parts.pop()!.replace(/\.$/, '')}, and ${sentence}`;
    parts.push(capFirst(sentence) + '.');
  }
  if (rng.chance(0.2)) parts[parts.length - 1] = parts[parts.length - 1].replace(/\.$/, `, ${fillClause(rng.pick(Q_CLOSERS), rng, ev, speaker)}.`);
  if (rng.chance(0.25)) {
    const opener = fillClause(rng.pick(Q_OPENERS), rng, ev, speaker);
    parts[0] = opener.endsWith('.') ? `${opener} ${parts[0]}` : `${opener} ${parts[0][0].toLowerCase()}${parts[0].slice(1)}`;
  }
  if (!witness && rng.chance(0.1)) parts.unshift(fillClause(`We did not come to {cap} to ${rng.pick(VP1)}.`, rng, ev, speaker));
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Narrative sentence templates. Slots: {p:ROLE} person (first mention in full, then an alias),
// {p:ROLE's} possessive, {he:ROLE} pronoun, {org} company, {auth} authority, {c1} {c2} {c1's}
// countries, {dem1} {dem2}, {cap1} {cap2}, {host} {city2}, {inc} {proc} {obj} {issue} {group},
// {day} {num} {big}, {us}, {outlet}, {scare}.
// Roles: head1 head2 fm1 fm2 min1 min2 chair spokes official.

interface Template {
  t: string;
  tragedy?: boolean;
  politics?: boolean;
  kinds?: string[];
  /** The grammatical double this template contains ("had had", "that that"). */
  gram?: string;
  scare?: boolean;
}

const NARRATIVE: Template[] = [
  { t: '{p:fm2} arrived in {cap1} on {day} for talks on {inc}, the first visit by a {dem2} minister in more than a year.' },
  { t: '{inc} has dominated news bulletins in both countries since the weekend.' },
  { t: 'Officials in {cap1} said they had asked for {obj} to be handed over before the end of the month.' },
  { t: '{p:head1} met representatives of {group} on {day} and promised that {proc} would be independent of both governments.' },
  { t: 'Neither government has published {obj}, and opposition politicians in {cap2} have accused ministers of stalling.' },
  { t: '{auth} said it would publish its own findings once {proc} had finished hearing evidence.' },
  { t: '{org} did not respond to a request for comment on {day}.' },
  { t: 'The two sides agreed to meet again in {host} within a fortnight, according to a joint statement issued late in the evening.' },
  { t: 'Analysts in {cap2} said the dispute had become a test of {issue} for both governments.' },
  { t: '{p:chair}, who will lead {proc}, has asked both sides for full access to {obj}.' },
  { t: 'Several hundred people gathered in {host} on {day} evening, many carrying candles and handwritten signs.', tragedy: true },
  { t: '{dem1} newspapers were less restrained, with one tabloid accusing {cap2} of treating the matter as a public relations problem.' },
  { t: 'The row has also exposed old disagreements over {issue} that diplomats on both sides had hoped were settled.' },
  { t: 'Figures released by {auth} show that {num} complaints about {issue} were filed in the past year alone.' },
  { t: 'By late afternoon {p:fm1} had cancelled a planned trip abroad in order to remain in {cap1} for the talks.' },
  { t: "{p:head2's} office said the {dem2} government would cooperate fully, but warned against drawing conclusions too early." },
  { t: 'In {city2}, on the other side of the border, local officials declared a day of mourning.', tragedy: true },
  { t: '{p:official}, who heads {auth}, said the warning signs had been visible for years.' },
  { t: 'The {us} embassy in {cap1} said it was following the situation closely and had offered technical assistance.' },
  { t: '{p:min1} told parliament that {obj} would be examined by independent experts from outside the region.' },
  { t: 'Diplomats said the atmosphere at the first session was tense but businesslike, with both delegations sticking closely to prepared texts.', politics: true },
  { t: '{p:spokes}, who speaks for {org}, said the firm was cooperating with the authorities but would not discuss individual employees.' },
  { t: 'Critics in {cap1} say that that decision, taken without any public consultation, made {inc} more likely.', gram: 'that that' },
  { t: 'Internal papers seen by {outlet} suggest that the responsible department had had warnings about {issue} since at least the previous winter.', gram: 'had had' },
  { t: 'Opposition leaders in {cap2} called for the resignation of {p:min2}, saying {he:min2} had ignored repeated warnings.' },
  { t: 'The talks in {host} are expected to continue until {day}, when the two foreign ministers are due to give a joint news conference.', politics: true },
  { t: 'Trade between {c1} and {c2} is worth several billion euros a year, and business groups on both sides have urged a quick settlement.' },
  { t: "{p:head1} has faced criticism at home for what opponents call a slow response, and the government's ratings have fallen since the weekend." },
  { t: 'Local media in {host} reported that police had opened a criminal investigation, though prosecutors would not confirm it.' },
  { t: '{org} employs about {big} people in {city2} and is one of the largest private employers in the region.' },
  { t: "The {dem2} foreign ministry summoned {c1's} ambassador on {day} to protest against what it called one-sided statements." },
  { t: 'Experts say {issue} in the region has suffered from years of underinvestment and unclear lines of responsibility between agencies.' },
  { t: 'Under an agreement dating from the 1990s, responsibility for the area is shared between authorities on both sides.' },
  { t: '{p:chair} is expected to present an interim report within six months, with a final report due next year.' },
  { t: 'Representatives of {group} travelled to {cap1} to follow the talks from the public gallery, holding photographs and banners.' },
  { t: 'Asked whether {c2} would accept responsibility, {p:fm2} said it was too early to speak about blame.' },
  { t: 'In a statement, {auth} said it had suspended all related operations until further notice.' },
  { t: 'Neighbouring governments have offered to mediate, though neither side has yet accepted.' },
  { t: '{p:min2} is due to brief lawmakers in {cap2} on {day}, and several parties have demanded a full debate.' },
  { t: 'The last comparable case, more than a decade ago, led to new rules that critics say were never properly enforced.' },
  { t: '{p:fm1} and {p:fm2} spoke briefly before the session began but did not shake hands for the cameras.', politics: true },
  { t: 'Television footage from {host} showed emergency vehicles lined up along the road late into the night.', tragedy: true },
  { t: 'Rescue teams worked through the night in difficult conditions, and officials said the search would continue for at least another {num} days.', tragedy: true },
  { t: 'The number of dead rose to {num} on {day}, with several people still unaccounted for.', tragedy: true },
  { t: 'Markets reacted calmly, though shares in {org} fell sharply in early trading.', politics: true },
  { t: 'Farmers and hauliers have staged protests at border crossings in recent weeks, blocking traffic for hours at a time.', kinds: ['trade', 'strike'] },
  { t: 'Negotiators worked late into the night on a draft text, but several paragraphs remained in brackets by the morning.', kinds: ['trade', 'summit', 'pipeline'] },
  { t: 'Officials in {cap2} said they were ready to compromise on the timetable but not on the substance.', politics: true },
  { t: 'The dispute has strained relations between two governments that signed a broad cooperation agreement only last year.' },
  { t: 'Witnesses said they heard a loud noise shortly before the emergency services were called.', tragedy: true },
  { t: '{p:head2} telephoned {p:head1} on {day} evening, according to officials in both capitals.' },
  { t: 'The opposition in {cap1} has demanded to see {obj}, arguing that the public has a right to know what went wrong.' },
  { t: 'Both governments have said they want the matter resolved before the winter.' },
  { t: '{p:official} told a parliamentary committee that {auth} had repeatedly asked for more staff and better equipment.' },
  { t: 'A small group of protesters gathered outside the building where the talks were held, some holding placards in both languages.' },
  { t: 'Independent observers said the process so far had been orderly, though slower than promised.', kinds: ['election'] },
  { t: 'Operators on both sides have exchanged letters blaming each other for the shutdown.', kinds: ['pipeline'] },
  { t: 'Dock workers voted by a large majority to continue the action, according to union officials.', kinds: ['strike'] },
  { t: 'Polling stations in several districts stayed open late after long queues formed in the afternoon.', kinds: ['election'] },
  { t: '{p:min1} visited {host} on {day} and spoke to families waiting for news.', tragedy: true },
  { t: "{p:fm2's} spokesman said the minister had brought a personal letter from the {dem2} government." },
  { t: '{org} has dismissed the reports as {scare}, saying they were based on incomplete information.', scare: true },
  { t: 'Officials in {cap2} described the latest accusations as {scare} and said they would not respond in detail.', scare: true },
];

const LEADS: string[] = [
  '{p:head1} demanded on {day} that {c2} hand over {obj}, as {p:fm2} flew into {cap1} for talks on {inc}.',
  '{p:fm2} promised {c1} on {day} that {c2} would hide nothing from {proc}, but warned against drawing conclusions about {inc} too early.',
  '{c1} and {c2} opened talks in {cap1} on {day}, days after {inc} near {host} strained relations between the two neighbours.',
  'Pressure grew on {p:head2} on {day} after {inc} near {host}, as officials in {cap1} demanded to see {obj}.',
  'Ministers from {c1} and {c2} traded careful words on {day}, but the mood in {host} after {inc} was raw.',
];

// ---------------------------------------------------------------------------------------------
// World building

interface Person extends PersonInfo {
  /** First name per transliteration (one or two). */
  first: string[];
  /** Surname per spelling (one or two). */
  surnames: string[];
  pron: 'he' | 'she';
  /** Descriptor printed before the name on first mention when there is no title. */
  prefix: string;
}

interface Org extends OrgInfo {
  /** Name per spelling (one or two). */
  spellings: string[];
}

interface Quote extends QuoteFamilyInfo {
  person: Person;
}

interface Ev extends EventInfo {
  k: EventKind;
  a: Country;
  b: Country;
  city2: string;
  roles: Record<string, Person>;
  company: Org;
  authority: Org;
  family: Quote[];
}

interface Outlet extends OutletInfo {
  mediaPlayer: number;
}

interface InternalWorld extends World {
  /** Full names and surnames of the world's people: witnesses invented per article avoid them. */
  usedNames: Set<string>;
  ev: Ev[];
  evWeights: number[];
  evTotal: number;
  out: Outlet[];
  outWeights: number[];
  outTotal: number;
}

function capFirst(s: string): string {
  return s.length ? s[0].toUpperCase() + s.slice(1) : s;
}

function slugify(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const placeIds = new Map<string, string>();
function placeId(name: string): string {
  let id = placeIds.get(name);
  if (id === undefined) placeIds.set(name, (id = 'place:' + slugify(name)));
  return id;
}

function honorific(p: Person): string {
  return p.gender === 'm' ? 'Mr' : 'Ms';
}

/** A new person whose full name (and, while possible, surname) is unused. */
function makePerson(rng: Rng, country: Country, title: string, prefix: string, used: Set<string>, id: string, record = true): Person {
  const pool = NAMES[country.culture];
  for (let tries = 0; ; tries++) {
    const gender: 'm' | 'f' = rng.chance(0.4) ? 'f' : 'm';
    const first = rng.pick(gender === 'm' ? pool.m : pool.f);
    let surname = rng.pick(pool.stems) + rng.pick(pool.suffixes);
    if (gender === 'f' && pool.feminine) surname = pool.feminine(surname);
    const surnames = [surname];
    const v = pool.surnameVariant;
    if (v && surname.endsWith(v[0])) surnames.push(surname.slice(0, -v[0].length) + v[1]);
    const name = `${first[0]} ${surname}`;
    if (used.has(name) || (tries < (record ? 300 : 20) && used.has(surname))) {
      if (tries > 5000) throw new Error(`generateCorpus: ran out of ${country.culture} names`);
      continue;
    }
    if (record) {
      used.add(name);
      used.add(surname);
    }
    const names = new Set<string>();
    for (let i = 0; i < Math.max(first.length, surnames.length); i++) names.add(`${first[Math.min(i, first.length - 1)]} ${surnames[Math.min(i, surnames.length - 1)]}`);
    return {
      id, type: 'person', name, names: [...names], surname, title, country: country.name, gender,
      first, surnames, pron: gender === 'm' ? 'he' : 'she', prefix,
    };
  }
}

/** A company name; two spellings where the culture transliterates. */
function companySpellings(rng: Rng, country: Country): string[] {
  switch (country.culture) {
    case 'sl': {
      const stem = rng.pick(['Dunav', 'Chernomor', 'Balkan', 'Rodop', 'Pirin', 'Morsk', 'Rechn', 'Severn', 'Stolich', 'Zapad', 'Yuzhn', 'Vostoch']);
      const noun = rng.pick([['Prevozi', 'Prevozi'], ['Energiya', 'Energia'], ['Stroy', 'Stroi'], ['Flot', 'Flot'], ['Logistika', 'Logistika']]);
      return [`${stem}ski ${noun[0]}`, `${stem}sky ${noun[1]}`];
    }
    case 'gr': {
      const stem = rng.pick(['Thalass', 'Aigai', 'Ioni', 'Kyklad', 'Thessal', 'Epeir']);
      return rng.chance(0.5) ? [`${stem}iki Metafores`, `${stem}iki Metaphores`] : [`${stem}iki Naftiliaki`, `${stem}ikí Naftiliakí`];
    }
    case 'ka': {
      const stem = rng.pick(['Kartli', 'Imereti', 'Samegrelo', 'Guria', 'Kakheti']);
      return rng.pick([[`${stem} Energo`, `${stem} Enerho`], [`${stem} Trans`, `${stem} Tranz`], [`${stem} Port`, `${stem} Porti`]]);
    }
    case 'hy': {
      const stem = rng.pick([['Ararat', 'Araratt'], ['Sevan', 'Sewan'], ['Shirak', 'Schirak'], ['Syunik', 'Siunik']]);
      const noun = rng.pick(COMPANY_NOUNS);
      return [`${stem[0]} ${noun}`, `${stem[1]} ${noun}`];
    }
    default: {
      const pool = NAMES[country.culture];
      return [`${rng.pick(pool.stems)}${rng.pick(pool.suffixes)} ${rng.pick(COMPANY_NOUNS)}`];
    }
  }
}

/** The world (people, organisations, events, quote families, outlets) for these options. */
export function buildWorld(options: CorpusOptions): World {
  return buildInternal(options);
}

let lastWorld: { key: string; world: InternalWorld } | null = null;

function buildInternal(options: CorpusOptions): InternalWorld {
  const seed = (options.seed ?? 1) >>> 0;
  const nOutlets = Math.max(1, Math.floor(options.outlets ?? 12));
  const nEvents = Math.max(1, Math.floor(options.events ?? Math.ceil(options.articles / 40)));
  const key = `${seed}/${nOutlets}/${nEvents}/${options.articles}`;
  if (lastWorld?.key === key) return lastWorld.world;

  const rng = new Rng(mix(seed, 0x51ed));
  const used = new Set<string>();
  const people: Person[] = [];
  const orgs: Org[] = [];
  const places: PlaceInfo[] = [];
  for (const c of COUNTRIES) {
    places.push({ id: placeId(c.name), type: 'place', name: c.name, kind: 'country' });
    for (const city of [c.capital, ...c.cities]) places.push({ id: placeId(city), type: 'place', name: city, kind: 'city' });
  }

  // People and companies recur: governments in every event of their country, officials,
  // spokespeople and investigators from small per-country and global pools.
  const gov = new Map<string, Record<string, Person>>();
  const civil = new Map<string, Person[]>();
  const companies = new Map<string, Org[]>();
  const usedOrg = new Set<string>();
  for (const c of COUNTRIES) {
    const slug = slugify(c.name);
    const roles: Record<string, Person> = {
      head: makePerson(rng, c, c.head, '', used, `person:${slug}-head`),
      fm: makePerson(rng, c, 'Foreign Minister', '', used, `person:${slug}-fm`),
    };
    for (const sector of ['Transport', 'Trade', 'Energy', 'Interior']) {
      roles[sector] = makePerson(rng, c, `${sector} Minister`, '', used, `person:${slug}-${sector.toLowerCase()}`);
    }
    gov.set(c.name, roles);
    people.push(...Object.values(roles));
    const pool: Person[] = [];
    for (let i = 0; i < 6; i++) pool.push(makePerson(rng, c, '', '', used, `person:${slug}-civil${i}`));
    civil.set(c.name, pool);
    people.push(...pool);
    const list: Org[] = [];
    for (let tries = 0; list.length < 3 && tries < 60; tries++) {
      const spellings = companySpellings(rng, c);
      if (usedOrg.has(spellings[0])) continue;
      usedOrg.add(spellings[0]);
      const org: Org = { id: `org:${slugify(spellings[0])}`, type: 'organisation', name: spellings[0], names: spellings, spellings };
      list.push(org);
      orgs.push(org);
    }
    companies.set(c.name, list);
  }
  const chairs: Person[] = [];
  for (let i = 0; i < 24; i++) {
    const c = COUNTRIES[rng.int(COUNTRIES.length)];
    chairs.push(makePerson(rng, c, '', c.demonym, used, `person:chair${i}`));
  }
  people.push(...chairs);

  // Authorities (with acronyms): one per (country, kind of event), made when first needed.
  const authorities = new Map<string, Org>();
  const usedAcronyms = new Set<string>();
  const authorityFor = (c: Country, k: EventKind): Org => {
    const key = `${c.name}/${k.kind}`;
    let org = authorities.get(key);
    if (org) return org;
    let name = '';
    let acronym = '';
    for (let tries = 0; tries < 40; tries++) {
      name = `${c.demonym} ${rng.pick(k.domain)} ${rng.pick(BODIES)}`;
      acronym = name.split(/[\s-]+/).map((w) => w[0]).join('').toUpperCase();
      if (!usedAcronyms.has(acronym)) break;
    }
    usedAcronyms.add(acronym);
    org = { id: `org:${slugify(name)}`, type: 'organisation', name, names: [name, acronym], acronym, spellings: [name] };
    if (orgs.some((o) => o.id === org!.id)) org.id += `-${authorities.size}`;
    authorities.set(key, org);
    orgs.push(org);
    return org;
  };

  // Events and their quote families.
  const events: Ev[] = [];
  const quotes: Quote[] = [];
  const usedGrams = new Set<string>();
  const evWeights: number[] = [];
  for (let e = 0; e < nEvents; e++) {
    const k = KINDS[rng.int(KINDS.length)];
    const ai = rng.int(COUNTRIES.length);
    let bi = rng.int(COUNTRIES.length - 1);
    if (bi >= ai) bi++;
    const a = COUNTRIES[ai];
    const b = COUNTRIES[bi];
    const ga = gov.get(a.name)!;
    const gb = gov.get(b.name)!;
    const companyCountry = rng.chance(0.5) ? b : a;
    const chairBase = rng.pick(chairs.filter((p) => p.country !== a.name && p.country !== b.name));
    const chair: Person = { ...chairBase, prefix: `${COUNTRIES.find((c) => c.name === chairBase.country)!.demonym} ${rng.pick(k.tragedy ? CHAIR_ROLES_TRAGEDY : CHAIR_ROLES_POLITICS)}` };
    const spokes: Person = { ...rng.pick(civil.get(companyCountry.name)!), prefix: 'spokesperson' };
    const officials = civil.get(a.name)!.filter((p) => p.id !== spokes.id);
    const official: Person = { ...rng.pick(officials), prefix: 'agency director' };
    const id = `e${e}`;
    const ev: Ev = {
      id, kind: k.kind, countryA: a.name, countryB: b.name, host: rng.pick(a.cities), quotes: [],
      k, a, b, city2: rng.pick(b.cities),
      roles: { head1: ga.head, head2: gb.head, fm1: ga.fm, fm2: gb.fm, min1: ga[k.sector], min2: gb[k.sector], chair, spokes, official },
      company: rng.pick(companies.get(companyCountry.name)!),
      authority: authorityFor(a, k),
      family: [],
    };
    evWeights.push(0.3 + rng.next() * 2.7);
    const speakers = ['head1', 'fm2', 'chair', 'spokes', 'min1', 'head2', 'official', 'fm1'];
    const nq = rng.range(4, 7);
    for (let q = 0; q < nq; q++) {
      const person = ev.roles[speakers[q % speakers.length]];
      const quote: Quote = { id: `q${e}.${q}`, event: id, speaker: person.id, text: familyQuoteText(rng, ev, person, usedGrams), person };
      ev.family.push(quote);
      ev.quotes.push(quote.id);
      quotes.push(quote);
    }
    events.push(ev);
  }

  // Outlets.
  const outlets: Outlet[] = [];
  const outWeights: number[] = [];
  const usedOutlet = new Set<string>();
  const syndicateCount = Math.max(1, Math.min(SYNDICATES.length, Math.ceil(nOutlets / 4)));
  for (let o = 0; o < nOutlets; o++) {
    let name = '';
    let kind: OutletInfo['kind'] = 'paper';
    for (let tries = 0; ; tries++) {
      const second = o === 0 ? OUTLET_SECOND[0] : rng.pick(OUTLET_SECOND);
      name = `${rng.pick(OUTLET_FIRST)} ${second[0]}${tries > 40 ? ` ${o}` : ''}`;
      kind = second[1];
      if (!usedOutlet.has(name)) break;
    }
    usedOutlet.add(name);
    const footer: string[] = [];
    // Syndicated outlets print their syndicate's line; the first two members always join.
    const syndicate = o % syndicateCount;
    if (o === syndicate || o === syndicate + syndicateCount || rng.chance(0.5)) {
      const syn = SYNDICATES[syndicate];
      footer.push(syndicate % 2 === 0
        ? `Distributed by ${syn}. Republication in whole or in part requires written permission.`
        : `Get the ${syn.split(' ')[0]} Briefing: the day's essential stories from the region, delivered to your inbox before 7 a.m.`);
    }
    footer.push(rng.pick([
      `© ${name}. All rights reserved.`,
      `${name} reports from ${rng.range(5, 30)} countries. Our journalism is funded by ${rng.pick(['readers', 'listeners', 'members'])}.`,
      `Follow ${name} for live updates throughout the day.`,
      `Have a story for ${name}? Contact our newsroom in confidence.`,
      `This article was produced by the ${name} foreign desk.`,
    ]));
    const curlyQuotes = kind === 'wire' ? rng.chance(0.2) : rng.chance(0.55);
    const outlet: Outlet = {
      id: `outlet:${slugify(name)}`, name, slug: slugify(name), kind,
      ext: rng.chance(0.15) || (o === 1 && nOutlets > 1) ? '.article' : '.txt',
      curlyQuotes,
      curlyApostrophes: curlyQuotes ? rng.chance(0.7) : rng.chance(0.1),
      blankLines: kind === 'broadcast' || kind === 'web' ? rng.chance(0.7) : rng.chance(0.15),
      honorifics: rng.chance(0.5),
      dateline: kind === 'wire' ? true : kind === 'paper' ? rng.chance(0.6) : rng.chance(0.2),
      spacedAbbreviations: kind === 'wire' && rng.chance(0.6),
      spelling: rng.chance(0.5) ? 1 : 0,
      footer,
      mediaPlayer: kind === 'broadcast' ? 0.7 : kind === 'web' ? 0.15 : 0,
    };
    outWeights.push(0.4 + rng.next() * 1.6);
    outlets.push(outlet);
    orgs.push({ id: outlet.id, type: 'organisation', name, names: [name], spellings: [name] });
  }

  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const world: InternalWorld = {
    seed, articles: options.articles,
    outlets: outlets.map(({ mediaPlayer: _m, ...rest }) => rest),
    events: events.map((e) => ({ id: e.id, kind: e.kind, countryA: e.countryA, countryB: e.countryB, host: e.host, quotes: e.quotes })),
    people: people.map((p) => ({ id: p.id, type: 'person', name: p.name, names: p.names, surname: p.surname, title: p.title, country: p.country, gender: p.gender })),
    organisations: orgs.map((o) => (o.acronym ? { id: o.id, type: 'organisation', name: o.name, names: o.names, acronym: o.acronym } : { id: o.id, type: 'organisation', name: o.name, names: o.names })),
    places,
    quotes: quotes.map((q) => ({ id: q.id, event: q.event, speaker: q.speaker, text: q.text })),
    usedNames: used, ev: events, evWeights, evTotal: sum(evWeights), out: outlets, outWeights, outTotal: sum(outWeights),
  };
  lastWorld = { key, world };
  return world;
}

/** Fill the slots of quote text, which depend on the event and the speaker only. */
function fillClause(t: string, rng: Rng, ev: Ev, speaker: Person): string {
  const self = speaker.country === ev.b.name ? ev.b : ev.a;
  const other = self === ev.a ? ev.b : ev.a;
  return t.replace(/\{(\w+)\}/g, (_m, slot: string) => {
    switch (slot) {
      case 'cap': return other.capital;
      case 'cother': return other.name;
      case 'cself': return self.name;
      case 'dem_self': return self.demonym;
      case 'host': return ev.host;
      case 'group': return rng.pick(ev.k.group);
      case 'inc': return rng.pick(ev.k.inc);
      case 'day': return rng.pick(WEEKDAYS);
      default: return slot;
    }
  });
}

/** Lower-cased word tokens, as a quote linker would see them. */
function quoteTokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** A family quote none of whose 8-token shingles another family has. */
function familyQuoteText(rng: Rng, ev: Ev, speaker: Person, usedGrams: Set<string>): string {
  for (let tries = 0; ; tries++) {
    const text = quoteText(rng, ev, speaker, rng.range(2, 3), false);
    const t = quoteTokens(text);
    const grams: string[] = [];
    for (let i = 0; i + 8 <= t.length; i++) grams.push(t.slice(i, i + 8).join(' '));
    if (tries < 100 && grams.some((g) => usedGrams.has(g))) continue;
    for (const g of grams) usedGrams.add(g);
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Encoding damage

const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/**
 * UTF-8 bytes decoded as Windows-1252, the commonest mojibake: ’ → `â€™`, “ → `â€œ`, é → `Ã©`,
 * no-break space → `Â` + no-break space. Bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D)
 * are dropped, as many scrapers do, so ” becomes `â€`. Returns the text and how many characters
 * were damaged.
 */
export function misdecodeCp1252(text: string): { text: string; damaged: number } {
  let out = '';
  let damaged = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    damaged++;
    for (const byte of Buffer.from(ch, 'utf8')) out += byte >= 0xa0 ? String.fromCharCode(byte) : CP1252[byte] ?? '';
  }
  return { text: out, damaged };
}

// ---------------------------------------------------------------------------------------------
// Article rendering

interface Block {
  lines: string[];
  quotes?: Array<Omit<QuoteOccurrence, 'line'> & { offset: number }>;
  gram?: string[];
  scare?: number;
  narrative?: boolean;
  residue?: string;
  /** Range of ArticleWriter.mentions recorded while rendering this block. */
  mentionFrom?: number;
  mentionTo?: number;
}

class ArticleWriter {
  readonly seen = new Set<string>();
  readonly mentions: Array<{ entity: string; form: string }> = [];
  readonly open: string;
  readonly close: string;
  readonly apos: string;
  readonly spelling: 0 | 1;

  constructor(readonly rng: Rng, readonly outlet: Outlet, readonly ev: Ev, readonly usedNames: Set<string>) {
    this.open = outlet.curlyQuotes ? '“' : '"';
    this.close = outlet.curlyQuotes ? '”' : '"';
    this.apos = outlet.curlyApostrophes ? '’' : "'";
    // Outlets mostly keep one transliteration; now and then a story uses the other.
    this.spelling = rng.chance(0.08) ? ((1 - outlet.spelling) as 0 | 1) : outlet.spelling;
  }

  mention(entity: string, form: string): string {
    this.mentions.push({ entity, form });
    return form;
  }

  private surname(p: Person): string {
    return p.surnames[Math.min(this.spelling, p.surnames.length - 1)];
  }

  /** First mention: title (or descriptor) and full name; later: Mr/Ms + surname, title + surname or surname. */
  person(p: Person, possessive = false): string {
    let out: string;
    if (!this.seen.has(p.id)) {
      this.seen.add(p.id);
      const full = `${p.first[Math.min(this.spelling, p.first.length - 1)]} ${this.surname(p)}`;
      if (p.title) out = this.mention(p.id, `${p.title} ${full}`);
      else out = `${p.prefix ? p.prefix + ' ' : ''}${this.mention(p.id, full)}`;
    } else {
      const r = this.rng.next();
      if (this.outlet.honorifics && r < 0.6) out = this.mention(p.id, `${honorific(p)} ${this.surname(p)}`);
      else if (p.title && r > 0.85) out = this.mention(p.id, `${p.title} ${this.surname(p)}`);
      else out = this.mention(p.id, this.surname(p));
    }
    return possessive ? out + this.apos + 's' : out;
  }

  /** A person in a quote attribution: in full if new, else Mr/Ms + surname or surname. */
  shortName(p: Person): string {
    if (!this.seen.has(p.id)) return this.person(p);
    return this.mention(p.id, this.outlet.honorifics && this.rng.chance(0.5) ? `${honorific(p)} ${this.surname(p)}` : this.surname(p));
  }

  company(): string {
    const org = this.ev.company;
    if (this.seen.has(org.id) && this.rng.chance(0.25)) return 'the company';
    this.seen.add(org.id);
    return this.mention(org.id, org.spellings[Math.min(this.spelling, org.spellings.length - 1)]);
  }

  /** First mention "the Name (ACR)", later "the ACR". */
  authority(): string {
    const org = this.ev.authority;
    if (!this.seen.has(org.id)) {
      this.seen.add(org.id);
      return `the ${this.mention(org.id, org.name)} (${this.mention(org.id, org.acronym!)})`;
    }
    return 'the ' + this.mention(org.id, org.acronym!);
  }

  place(name: string): string {
    return this.mention(placeId(name), name);
  }

  quoted(s: string): string {
    return this.open + s + this.close;
  }

  /** Text with the outlet's apostrophes. */
  styled(s: string): string {
    return this.apos === "'" ? s : s.replace(/'/g, this.apos);
  }

  fill(t: string): string {
    const ev = this.ev;
    const rng = this.rng;
    const out = t.replace(/\{([\w:']+)\}/g, (_m, slot: string) => {
      if (slot.startsWith('p:')) {
        const possessive = slot.endsWith("'s");
        return this.person(ev.roles[possessive ? slot.slice(2, -2) : slot.slice(2)], possessive);
      }
      if (slot.startsWith('he:')) return ev.roles[slot.slice(3)].pron;
      switch (slot) {
        case 'org': return this.company();
        case 'auth': return this.authority();
        case 'c1': return this.place(ev.a.name);
        case 'c2': return this.place(ev.b.name);
        case "c1's": return this.place(ev.a.name) + this.apos + 's';
        case 'dem1': return ev.a.demonym;
        case 'dem2': return ev.b.demonym;
        case 'cap1': return this.place(ev.a.capital);
        case 'cap2': return this.place(ev.b.capital);
        case 'host': return this.place(ev.host);
        case 'city2': return this.place(ev.city2);
        case 'inc': return rng.pick(ev.k.inc);
        case 'proc': return rng.pick(ev.k.proc);
        case 'obj': return rng.pick(ev.k.obj);
        case 'issue': return rng.pick(ev.k.issue);
        case 'group': return rng.pick(ev.k.group);
        case 'day': return rng.pick(WEEKDAYS);
        case 'num': return String(rng.range(3, 40));
        case 'big': return String(rng.range(2, 9) * 100 + rng.range(0, 9) * 10);
        case 'us': return this.outlet.spacedAbbreviations ? 'U. S.' : rng.chance(0.5) ? 'U.S.' : 'US';
        case 'outlet': return this.mention(this.outlet.id, this.outlet.name);
        case 'scare': return this.quoted(rng.pick(SCARE_WORDS));
        default: return slot;
      }
    });
    return capFirst(this.styled(out));
  }
}

function templateFits(t: Template, ev: Ev): boolean {
  if (t.tragedy && !ev.k.tragedy) return false;
  if (t.politics && ev.k.tragedy) return false;
  if (t.kinds && !t.kinds.includes(ev.kind)) return false;
  return true;
}

/**
 * Two spans split at a sentence boundary, or at a comma; the first ends with a comma. The third
 * element joins them after the attribution: ". " before a new sentence, ", " mid-sentence.
 */
function splitQuote(text: string): [string, string, string] | null {
  const s = text.indexOf('. ');
  if (s > 0 && s < text.length - 10) return [text.slice(0, s) + ',', capFirst(text.slice(s + 2)), '. '];
  const c = text.indexOf(', ', 20);
  if (c > 0 && c < text.length - 15) return [text.slice(0, c) + ',', text.slice(c + 2), ', '];
  return null;
}

/** One clause (between sentence or comma boundaries) of at least six words. */
function truncateQuote(rng: Rng, text: string): string | null {
  const pieces = text.replace(/\.$/, '').split(/(?:\. |, )/).filter((p) => p.split(' ').length >= 6);
  return pieces.length ? rng.pick(pieces) : null;
}

const SUBSTITUTES: Record<string, string> = { must: 'should', will: 'would', cannot: "can't", every: 'each', urgent: 'pressing', outdated: 'old', detailed: 'full', secret: 'hidden', faulty: 'defective', costly: 'expensive', delayed: 'late' };

/** A one-word edit: drop an article ("a part" → "part") or swap one word for a synonym. */
function editQuote(rng: Rng, text: string): string | null {
  const words = text.split(' ');
  const candidates: number[] = [];
  for (let i = 1; i < words.length - 1; i++) if (words[i] === 'a' || words[i] === 'the' || SUBSTITUTES[words[i]]) candidates.push(i);
  if (!candidates.length) return null;
  const i = rng.pick(candidates);
  if (SUBSTITUTES[words[i]]) words[i] = SUBSTITUTES[words[i]];
  else words.splice(i, 1);
  return words.join(' ');
}

function withComma(s: string): string {
  return (s.endsWith('.') ? s.slice(0, -1) : s) + ',';
}

function familyQuoteBlock(wr: ArticleWriter, q: Quote): Block {
  const rng = wr.rng;
  const p = q.person;
  const r = rng.next();
  let variant: QuoteVariant = r < 0.5 ? 'full' : r < 0.7 ? 'split' : r < 0.85 ? 'truncated' : 'edited';
  let text = q.text;
  let line = '';
  if (variant === 'split') {
    const parts = splitQuote(text);
    if (!parts) variant = 'full';
    else {
      const intro = wr.seen.has(p.id) ? '' : `${wr.person(p)} ${rng.pick(['spoke after the session', 'was blunt', 'chose careful words', 'spoke to reporters'])}. `;
      line = `${intro}${wr.quoted(wr.styled(parts[0]))} ${p.pron} said${parts[2]}${wr.quoted(wr.styled(parts[1]))}`;
    }
  }
  if (variant === 'truncated') {
    const frag = truncateQuote(rng, text);
    if (!frag) variant = 'full';
    else if (rng.chance(0.5)) line = `${wr.quoted(wr.styled(capFirst(frag)) + ',')} ${wr.shortName(p)} told journalists.`;
    else line = `${wr.person(p)} has ${rng.pick(['promised', 'said', 'insisted'])} that ${wr.quoted(wr.styled(frag) + '.')}`;
  }
  if (variant === 'edited') {
    const edited = editQuote(rng, text);
    if (!edited) variant = 'full';
    else text = edited;
  }
  if (variant === 'full' || variant === 'edited') {
    const body = wr.styled(text);
    switch (rng.int(5)) {
      case 0: line = `${wr.quoted(withComma(body))} ${wr.shortName(p)} said.`; break;
      case 1: line = `${wr.quoted(withComma(body))} said ${wr.shortName(p)}.`; break;
      case 2: line = `${wr.shortName(p)} ${rng.pick(['was more direct', 'went further', 'struck a different tone'])}. ${wr.quoted(withComma(body))} ${p.pron} told reporters.`; break;
      case 3: line = `${wr.shortName(p)} said: ${wr.quoted(body)}`; break;
      default: line = `${wr.shortName(p)} told reporters in ${wr.place(wr.ev.a.capital)}: ${wr.quoted(body)}`;
    }
  }
  return { lines: [capFirst(line)], quotes: [{ family: q.id, speaker: p.id, variant, offset: 0 }] };
}

function singleQuoteBlock(wr: ArticleWriter): Block {
  const rng = wr.rng;
  const ev = wr.ev;
  let speaker: Person;
  let who: string;
  if (rng.chance(0.5)) {
    // A local witness who exists in this article only.
    speaker = makePerson(rng, ev.a, '', '', wr.usedNames, '', false);
    speaker.id = `local:${slugify(speaker.name)}`;
    who = `${wr.mention(speaker.id, speaker.name)}, a ${rng.pick(JOBS)} from ${wr.place(ev.host)},`;
  } else {
    speaker = ev.roles[rng.pick(['fm1', 'min2', 'official', 'spokes', 'head2'])];
    who = wr.person(speaker);
  }
  const text = quoteText(rng, ev, speaker, rng.range(1, 2), speaker.id.startsWith('local:'));
  const halves = splitQuote(text);
  const bare = who.replace(/,$/, '');
  let line: string;
  const shape = rng.int(3);
  if (shape === 0 && halves) line = `${capFirst(who)} ${rng.pick(['was still shaken', 'spoke quietly', 'was blunt'])}. ${wr.quoted(wr.styled(halves[0]))} ${speaker.pron} said${halves[2]}${wr.quoted(wr.styled(halves[1]))}`;
  else if (shape === 1) line = `${capFirst(who)} said: ${wr.quoted(wr.styled(text))}`;
  else line = `${wr.quoted(withComma(wr.styled(text)))} said ${bare}.`;
  return { lines: [capFirst(line)], quotes: [{ family: 'u' + hashString(text).toString(36), speaker: speaker.id, variant: halves && shape === 0 ? 'split' : 'full', offset: 0 }] };
}

/** A statement over two or three paragraphs: “ opens each, ” closes only the last. */
function multiParagraphBlock(wr: ArticleWriter): Block {
  const rng = wr.rng;
  const ev = wr.ev;
  const org = capFirst(wr.company());
  const paras = [
    `${org} shares the grief and the anger of everyone affected by ${rng.pick(ev.k.inc)}. Our thoughts are with ${rng.pick(ev.k.group)} and with the people still working on the ground.`,
    `We have given ${rng.pick(ev.k.proc)} ${rng.pick(ev.k.obj)} and we will answer every question put to us, in ${ev.a.capital} and in ${ev.b.capital}.`,
    `We ask only that findings come before verdicts, and that nobody is judged on the strength of rumours from ${rng.pick(WEEKDAYS)} night.`,
  ].map((s) => wr.styled(s));
  const n = rng.range(2, 3);
  const lines = [`${org} issued a longer statement late on ${rng.pick(WEEKDAYS)}:`];
  for (let i = 0; i < n; i++) lines.push(wr.open + paras[i] + (i === n - 1 ? wr.close : ''));
  return { lines, quotes: [{ family: 'u' + hashString(paras.slice(0, n).join('\n')).toString(36), speaker: ev.company.id, variant: 'full', offset: 1, paragraphs: n }] };
}

/** A headline; sometimes a single-quoted fragment of a family quote. */
function headline(wr: ArticleWriter, fragmentOf: Quote | null): { line: string; quote?: QuoteOccurrence } {
  const rng = wr.rng;
  const ev = wr.ev;
  if (fragmentOf) {
    const clauses = fragmentOf.text.replace(/\.$/, '').split(/(?:\. |, )/).map((c) => c.split(' ')).filter((c) => c.length >= 4);
    const clause = clauses.length ? clauses[0] : fragmentOf.text.replace(/\.$/, '').split(' ');
    const frag = wr.styled(capFirst(clause.slice(0, Math.min(clause.length, rng.range(4, 7))).join(' ')));
    const [o, c] = wr.outlet.curlyQuotes ? ['‘', '’'] : ["'", "'"];
    const lead = rng.chance(0.5) ? fragmentOf.person.surname : capFirst(rng.pick(ev.k.headline));
    return { line: `${lead}: ${o}${frag}${c}`, quote: { family: fragmentOf.id, speaker: fragmentOf.speaker, variant: 'headline', line: 0 } };
  }
  switch (rng.int(3)) {
    case 0: return { line: `${ev.a.name} presses ${ev.b.name} over ${rng.pick(ev.k.obj).replace(/^the /, '')} as ${rng.pick(ev.k.headline)}` };
    case 1: return { line: `${ev.roles.fm2.surname} in ${ev.a.capital} as ${rng.pick(ev.k.headline)}` };
    default: return { line: capFirst(`${rng.pick(ev.k.headline)} in ${ev.host} as ${rng.pick(ev.k.group)} wait for answers`) };
  }
}

function mediaPlayer(rng: Rng, ev: Ev): string[] {
  return [
    `${rng.pick(['WATCH: ', 'LISTEN: ', ''])}${capFirst(rng.pick(ev.k.inc).replace(/^the /, ''))} in ${ev.host}`,
    'Please wait',
    'No media source currently available',
    `0:00 / ${rng.range(0, 3)}:${String(rng.range(5, 59)).padStart(2, '0')}`,
  ];
}

/** Double one common word of a narrative line ("the the"); returns null if none fits. */
function doubleWord(rng: Rng, line: string): { line: string; word: string } | null {
  const re = /(?<=[a-z,] )(the|a|to|of|in|and|on|for|was|with|is|said|has|from)(?= [a-z])/g;
  const hits: Array<{ index: number; word: string }> = [];
  for (let m = re.exec(line); m; m = re.exec(line)) hits.push({ index: m.index, word: m[0] });
  if (!hits.length) return null;
  const h = rng.pick(hits);
  return { line: line.slice(0, h.index) + h.word + ' ' + line.slice(h.index), word: h.word };
}

/** Article `index` of the corpus of `world`: depends only on the world and the index. */
export function generateArticle(world: World, index: number): GeneratedArticle {
  const w = world as InternalWorld;
  const rng = new Rng(mix(w.seed, index + 1));
  const outlet = w.out[rng.weighted(w.outWeights, w.outTotal)];
  const ev = w.ev[rng.weighted(w.evWeights, w.evTotal)];
  const wr = new ArticleWriter(rng, outlet, ev, w.usedNames);
  const truth: ArticleTruth = {
    outlet: outlet.id, event: ev.id, quotes: [], mojibake: 0, doubledWords: [], grammaticalDoubles: [],
    scareQuotes: 0, mentions: [], residue: [],
  };
  const target = rng.range(3600, 6400);

  // Special blocks, spread through the body: family quotes, one-off quotes, a multi-paragraph
  // statement, a second media player.
  const family = rng.chance(0.88) ? rng.shuffle(ev.family.slice()).slice(0, rng.range(1, 4)) : [];
  const specials: Array<() => Block> = family.map((q) => () => familyQuoteBlock(wr, q));
  for (let i = rng.range(0, 4); i > 0; i--) specials.push(() => singleQuoteBlock(wr));
  if (rng.chance(0.05)) specials.push(() => multiParagraphBlock(wr));
  if (outlet.mediaPlayer && rng.chance(outlet.mediaPlayer * 0.5)) specials.push(() => ({ lines: mediaPlayer(rng, ev), residue: 'media-player' }));
  rng.shuffle(specials);

  // Head: navigation residue, headline, media player.
  const head: Block[] = [];
  if ((outlet.kind === 'web' || outlet.kind === 'broadcast') && rng.chance(0.5)) head.push({ lines: ['Skip to main content', outlet.name], residue: 'nav' });
  const h = headline(wr, family.length && rng.chance(0.15) ? family[0] : null);
  head.push({ lines: [h.line], quotes: h.quote ? [{ ...h.quote, offset: 0 }] : undefined });
  if (outlet.mediaPlayer && rng.chance(outlet.mediaPlayer)) head.push({ lines: mediaPlayer(rng, ev), residue: 'media-player' });

  // Lead, with a dateline.
  const blocks: Block[] = [...head];
  const leadFrom = wr.mentions.length;
  let dateline = '';
  if (outlet.dateline) {
    const city = rng.chance(0.6) ? ev.host : ev.a.capital;
    dateline = `${wr.mention(placeId(city), city.toUpperCase())}, ${wr.place(ev.a.name)} (${wr.mention(outlet.id, outlet.name)}) — `;
  }
  const lead = dateline + wr.fill(rng.pick(LEADS));
  blocks.push({ lines: [lead], mentionFrom: leadFrom, mentionTo: wr.mentions.length });
  let length = blocks.reduce((s, b) => s + b.lines.join('\n').length + 1, 0);

  // Body: narrative paragraphs of one to three sentences, with the specials spread in.
  // Grammatical doubles ("had had", "that that") turn up in about one article in five.
  const pool = rng.shuffle(NARRATIVE.filter((t) => templateFits(t, ev) && (!t.gram || rng.chance(0.1))));
  let next = 0;
  while (length < target || specials.length) {
    const from = wr.mentions.length;
    let block: Block;
    const stepsLeft = Math.max(1, (target - length) / 320);
    if (specials.length && (length >= target || rng.next() < specials.length / stepsLeft)) {
      block = specials.pop()!();
    } else {
      const sentences: string[] = [];
      const gram: string[] = [];
      let scare = 0;
      for (let i = rng.range(1, 3); i > 0; i--) {
        const t = pool[next++ % pool.length];
        if (t.gram) gram.push(t.gram);
        if (t.scare) scare++;
        sentences.push(wr.fill(t.t));
      }
      block = { lines: [sentences.join(' ')], gram, scare, narrative: true };
    }
    block.mentionFrom = from;
    block.mentionTo = wr.mentions.length;
    blocks.push(block);
    length += block.lines.join('\n').length + 1;
  }

  // Plain narrative paragraphs (no scare quote, no grammatical double) take the damage below.
  const plain = blocks.map((b, i) => (b.narrative && !b.gram?.length && !b.scare ? i : -1)).filter((i) => i >= 0);
  const doubled = new Map<number, string>();
  if (plain.length && rng.chance(0.1)) {
    for (let times = rng.chance(0.1) ? 2 : 1; times > 0 && plain.length; times--) {
      const bi = plain.splice(rng.int(plain.length), 1)[0];
      const d = doubleWord(rng, blocks[bi].lines[0]);
      if (d) {
        blocks[bi].lines[0] = d.line;
        doubled.set(bi, d.word);
      }
    }
  }
  if (plain.length && rng.chance(outlet.kind === 'wire' ? 0.12 : 0.03)) {
    // A word dropped by the scraper, leaving its spaces behind: "the   talks".
    const b = blocks[rng.pick(plain)];
    const m = / the ([a-z]+) ([a-z]+)/.exec(b.lines[0]);
    if (m) {
      b.lines[0] = b.lines[0].slice(0, m.index) + ' the   ' + m[2] + b.lines[0].slice(m.index + m[0].length);
      truth.residue.push('triple-space');
    }
  }
  if (!outlet.curlyApostrophes && rng.chance(0.02)) {
    // A straight double quote where an apostrophe belongs: week"s.
    for (const bi of plain) {
      const m = /[a-z]'s /.exec(blocks[bi].lines[0]);
      if (m && !doubled.has(bi)) {
        const l = blocks[bi].lines[0];
        blocks[bi].lines[0] = l.slice(0, m.index + 1) + '"' + l.slice(m.index + 2);
        truth.residue.push('quote-apostrophe');
        break;
      }
    }
  }

  // Assemble the lines and the truth with line numbers.
  const lines: string[] = [];
  const push = (l: string): number => {
    if (outlet.blankLines && lines.length) lines.push('');
    lines.push(l);
    return lines.length;
  };
  const footer: Block = { lines: outlet.footer, residue: 'footer' };
  for (const [bi, b] of [...blocks, footer].entries()) {
    const lineNos = b.lines.map(push);
    for (const { offset, ...q } of b.quotes ?? []) truth.quotes.push({ ...q, line: lineNos[offset] });
    for (const g of b.gram ?? []) truth.grammaticalDoubles.push({ line: lineNos[0], text: g });
    truth.scareQuotes += b.scare ?? 0;
    if (doubled.has(bi)) truth.doubledWords.push({ line: lineNos[0], word: doubled.get(bi)! });
    if (b.residue && !truth.residue.includes(b.residue)) truth.residue.push(b.residue);
    for (let m = b.mentionFrom ?? 0; m < (b.mentionTo ?? 0); m++) {
      const { entity, form } = wr.mentions[m];
      const k = b.lines.findIndex((l) => l.includes(form));
      truth.mentions.push({ entity, form, line: lineNos[Math.max(0, k)] });
    }
  }
  if (outlet.spacedAbbreviations && lines.some((l) => l.includes('U. S.'))) truth.residue.push('spaced-abbreviation');
  let text = lines.join('\n') + '\n';

  // Encoding damage (~1 article in 20): the whole article decoded as cp1252. Half of them (and
  // all that would otherwise show nothing) first get no-break spaces, between a number and a word
  // and after a closing quote at the end of a line; they become `Â` + no-break space, and a bare
  // `Â` where the trailing no-break space was stripped.
  if (rng.chance(0.05)) {
    if (rng.chance(0.5) || !/[^\x00-\x7f]/.test(text)) {
      let n = 0;
      text = text.replace(/(\d) (?=[a-z])/g, (m0, d: string) => (n < 3 && rng.chance(0.7) ? (n++, d + '\u00a0') : m0));
      text = text.replace(/(["”])\n/, '$1\u00a0\n');
      if (!text.includes('\u00a0')) text = text.replace(/ (?=[a-z])/, '\u00a0');
    }
    const damaged = misdecodeCp1252(text);
    text = damaged.text.replace(/\u00a0\n/g, '\n');
    truth.mojibake = damaged.damaged;
  }

  const slug = slugify(h.line).split('-').slice(0, 6).join('-');
  return { path: `${outlet.slug}/${String(index).padStart(6, '0')}-${slug}${outlet.ext}`, text, truth };
}

/** Stream the corpus article by article (constant memory). */
export function* iterateCorpus(options: CorpusOptions): Generator<GeneratedArticle> {
  const world = buildInternal(options);
  for (let i = 0; i < options.articles; i++) yield generateArticle(world, i);
}

/** The whole corpus in memory (50,000 articles is about 250 MB of text; prefer iterateCorpus). */
export function generateCorpus(options: CorpusOptions): GeneratedArticle[] {
  return Array.from(iterateCorpus(options));
}

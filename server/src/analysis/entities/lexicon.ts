// Word lists used by the tagger's features, the span post-processing and the entity index.
// Hand-written lists live here; the generated gazetteer (countries, demonyms, cities, first names)
// comes from gazetteer.json (see NOTICE.md for sources and licences).
import gaz from './gazetteer.json';
import common from './common-words.json';

const G = gaz as { countryAlias: Record<string, string>; demonyms: string[]; cities: string[]; firstNames: string[]; companies?: string[]; surnames?: string[] };

export const HONORIFICS = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'prof.', 'sir', 'dame', 'lord', 'lady',
  'mme', 'mme.', 'messrs', 'messrs.', 'monsieur', 'madame', 'herr', 'sr.', 'sra.', 'signor', 'signora',
]);

/** Title / role words (lowercase) that may precede a name; never part of a PER span. */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'ministers', 'foreign', 'secretary', 'secretary-general', 'general', 'gen.',
  'gen', 'state', 'defense', 'defence', 'interior', 'finance', 'justice', 'home', 'chancellor', 'king', 'queen',
  'prince', 'princess', 'pope', 'ayatollah', 'sheikh', 'sheik', 'emir', 'sultan', 'senator', 'sen.', 'sen',
  'rep.', 'representative', 'congressman', 'congresswoman', 'governor', 'gov.', 'mayor', 'ambassador', 'envoy',
  'spokesman', 'spokeswoman', 'spokesperson', 'press', 'chief', 'deputy', 'acting', 'former', 'leader',
  'commander', 'colonel', 'col.', 'lieutenant', 'lt.', 'major', 'maj.', 'captain', 'capt.', 'sergeant', 'sgt.',
  'admiral', 'adm.', 'marshal', 'judge', 'justice', 'attorney', 'chairman', 'chairwoman', 'chair', 'director',
  'executive', 'ceo', 'founder', 'archbishop', 'bishop', 'cardinal', 'rev.', 'reverend', 'father', 'imam',
  'rabbi', 'speaker', 'premier', 'dictator', 'strongman', 'national', 'security', 'adviser', 'advisor',
  'coach', 'striker', 'midfielder', 'goalkeeper', 'manager', 'officer', 'official', 'agent', 'inspector',
  'commissioner', 'counsel', 'spokesman', 'aide', 'assistant', 'presidential', 'white', 'house', 'kremlin',
  'first', 'lady', 'crown', 'grand', 'supreme', 'emeritus', 'new', 'incoming', 'outgoing', 'interim',
  'opposition', 'party', 'union', 'trade', 'economy', 'economic', 'energy', 'health', 'education', 'labor',
  'labour', 'commerce', 'transport', 'agriculture', 'environment', 'treasury', 'homeland', 'intelligence',
  'army', 'navy', 'air', 'force', 'military', 'police', 'staff', 'joint', 'chiefs', 'of', 'the', 'for',
  'affairs', 'european', 'un', 'u.n.', 'nato', 'us', 'u.s.', 'uk', 'eu', 'senior', 'top', 'media', 'defense',
  'head', 'counterpart', 'anchor', 'correspondent', 'reporter', 'editor', 'columnist', 'professor',
  'spy', 'ex', 'then', 'sitting', 'leading', 'ruling', 'general-secretary', 'chief-of-staff', 'vice-president',
  // military ranks, abbreviated with or without the period ("Brig. Gen.", "Lt Col", "Rear Adm.")
  'brigadier', 'brig.', 'brig', 'corporal', 'cpl.', 'cpl', 'commander', 'cmdr.', 'cdr.', 'rear', 'lt', 'col', 'maj',
  'sgt', 'capt', 'adm',
]);

/**
 * More title words, for the rule layer and the index only: the tagger's title feature reads TITLE_WORDS, and
 * the model was trained with that list ("Republican" in it made "South Carolina Republican Lindsay Graham"
 * a place and a person). Elected, not yet in office; party members named by their party ("Democrat Tom
 * Daschle": CoNLL's MISC); "Minority Leader".
 */
export const RULE_TITLE_WORDS = new Set([
  'president-elect', 'minister-elect', 'premier-elect', 'chancellor-elect', 'governor-elect', 'mayor-elect', 'senator-elect',
  'democrat', 'republican', 'minority', 'majority',
]);

/** Words that head a title phrase: a title must contain at least one of these. */
export const TITLE_HEADS = new Set([
  'president', 'minister', 'secretary', 'secretary-general', 'general', 'gen.', 'chancellor', 'king', 'queen',
  'prince', 'princess', 'pope', 'ayatollah', 'sheikh', 'sheik', 'emir', 'sultan', 'senator', 'sen.',
  'rep.', 'representative', 'congressman', 'congresswoman', 'governor', 'gov.', 'mayor', 'ambassador', 'envoy',
  'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'leader', 'commander', 'colonel', 'col.', 'lieutenant',
  'lt.', 'major', 'maj.', 'captain', 'capt.', 'sergeant', 'sgt.', 'admiral', 'adm.', 'marshal', 'judge',
  'brigadier', 'brig.', 'corporal', 'cpl.', 'cmdr.', 'cdr.',
  'attorney', 'chairman', 'chairwoman', 'director', 'ceo', 'founder', 'archbishop', 'bishop', 'cardinal',
  'rev.', 'reverend', 'imam', 'rabbi', 'speaker', 'premier', 'dictator', 'strongman', 'adviser', 'advisor',
  'coach', 'striker', 'midfielder', 'goalkeeper', 'manager', 'officer', 'official', 'inspector', 'commissioner',
  'counsel', 'aide', 'assistant', 'lady', 'head', 'counterpart', 'anchor', 'correspondent', 'reporter', 'editor',
  'columnist', 'professor', 'deputy', 'premier', 'vice-president', 'general-secretary', 'chief-of-staff',
  'agent', 'justice', 'fm', 'pm',
  'president-elect', 'minister-elect', 'premier-elect', 'chancellor-elect', 'governor-elect', 'mayor-elect', 'senator-elect',
]);

/** Name particles kept inside person spans. */
export const PARTICLES = new Set([
  'al', 'al-', 'el', 'el-', 'bin', 'ibn', 'bint', 'abu', 'van', 'von', 'de', 'der', 'den', 'del', 'della', 'di',
  'da', 'dos', 'das', 'du', 'la', 'le', 'ben', 'ter', 'af', 'zu', 'y', 'wa', 'arap',
]);

/** Lowercase words that signal an organisation when inside a capitalised span. */
export const ORG_WORDS = new Set([
  'party', 'ministry', 'department', 'council', 'court', 'army', 'navy', 'committee', 'commission', 'agency',
  'organization', 'organisation', 'union', 'association', 'institute', 'university', 'college', 'school',
  'bank', 'company', 'corporation', 'corp', 'corp.', 'inc', 'inc.', 'ltd', 'ltd.', 'co.', 'group', 'front',
  'movement', 'brigade', 'brigades', 'forces', 'force', 'police', 'parliament', 'assembly', 'senate',
  'congress', 'fund', 'foundation', 'federation', 'league', 'club', 'news', 'times', 'post', 'press',
  'network', 'television', 'radio', 'airlines', 'airways', 'office', 'bureau', 'service', 'board', 'authority',
  'alliance', 'coalition', 'church', 'society', 'institution', 'center', 'centre', 'hospital', 'unit',
  'command', 'guard', 'guards', 'cabinet', 'government', 'administration', 'tribunal', 'fc', 'united',
  'journal', 'herald', 'tribune', 'agency', 'channel', 'mission', 'secretariat', 'directorate',
]);

/** Keywords of places inside a capitalised span. */
export const LOC_WORDS = new Set([
  'river', 'mountains', 'mountain', 'mount', 'lake', 'sea', 'ocean', 'gulf', 'bay', 'island', 'islands', 'valley',
  'province', 'city', 'county', 'district', 'region', 'state', 'street', 'square', 'desert', 'peninsula', 'strait',
  'heights', 'strip', 'bank', 'coast', 'airport', 'base', 'border', 'canal', 'hills', 'park', 'road',
]);

/** Country / territory name or alias -> canonical common name (world-countries + a few press forms). */
export const COUNTRY_ALIAS: ReadonlyMap<string, string> = new Map(Object.entries(G.countryAlias));
export const DEMONYMS: ReadonlySet<string> = new Set(G.demonyms);
export const CITIES: ReadonlySet<string> = new Set(G.cities);
export const FIRST_NAMES: ReadonlySet<string> = new Set(G.firstNames);
/**
 * Lowercase words that are almost never capitalised mid-sentence in news (from GMB train), with the British
 * spellings of its American ones: "Organisers said" opened a name where "Organizers said" did not.
 */
export const COMMON_WORDS: ReadonlySet<string> = withBritishSpellings(common as string[]);

/** "-ize" / "-yze" words, "-ense" nouns and a few others, as British news spells them ("Labor" stays out: "Labour" is a party). */
function withBritishSpellings(words: readonly string[]): Set<string> {
  const out = new Set(words);
  const single: Record<string, string> = {
    center: 'centre', centers: 'centres', theater: 'theatre', theaters: 'theatres', meter: 'metre', meters: 'metres',
    kilometer: 'kilometre', kilometers: 'kilometres', liter: 'litre', liters: 'litres', fiber: 'fibre', program: 'programme',
    programs: 'programmes', catalog: 'catalogue', dialog: 'dialogue', traveled: 'travelled', traveling: 'travelling',
    canceled: 'cancelled', fueled: 'fuelled', labeled: 'labelled', modeled: 'modelled', aluminum: 'aluminium',
    jewelry: 'jewellery', gray: 'grey', tire: 'tyre', tires: 'tyres', favor: 'favour', favorable: 'favourable',
    honor: 'honour', honors: 'honours', neighbor: 'neighbour', neighbors: 'neighbours', neighboring: 'neighbouring',
    behavior: 'behaviour', rumor: 'rumour', rumors: 'rumours', harbor: 'harbour', armor: 'armour', color: 'colour',
    colors: 'colours', humor: 'humour', endeavor: 'endeavour', vigor: 'vigour', odor: 'odour', flavor: 'flavour',
  };
  for (const w of words) {
    const british = single[w] ?? (/(iz|yz)(e|ed|es|er|ers|ing|ation|ations)$/.test(w) ? w.replace(/(i|y)z(e|ed|es|er|ers|ing|ation|ations)$/, '$1s$2') : /ense$/.test(w) && w !== 'sense' ? w.slice(0, -3) + 'ence' : undefined);
    if (british) out.add(british);
  }
  return out;
}

/** Organisation acronym <-> name pairs the press uses without spelling them out. */
export const ORG_ALIAS: ReadonlyMap<string, string> = new Map([
  ['UN', 'United Nations'], ['U.N.', 'United Nations'], ['EU', 'European Union'], ['E.U.', 'European Union'],
  ['NATO', 'North Atlantic Treaty Organization'], ['Nato', 'North Atlantic Treaty Organization'],
  ['OPCW', 'Organisation for the Prohibition of Chemical Weapons'],
  ['Organization for the Prohibition of Chemical Weapons', 'Organisation for the Prohibition of Chemical Weapons'],
  ['IAEA', 'International Atomic Energy Agency'], ['WHO', 'World Health Organization'],
  ['IMF', 'International Monetary Fund'], ['CIA', 'Central Intelligence Agency'],
  ['FBI', 'Federal Bureau of Investigation'], ['AP', 'Associated Press'], ['AFP', 'Agence France-Presse'],
  ['BBC', 'British Broadcasting Corporation'], ['G7', 'Group of Seven'], ['G-7', 'Group of Seven'],
  ['G20', 'Group of 20'], ['G-20', 'Group of 20'], ['ISIS', 'Islamic State'], ['ISIL', 'Islamic State'],
  ['IS', 'Islamic State'], ['Daesh', 'Islamic State'], ['KGB', 'KGB'], ['FSB', 'Federal Security Service'],
  ['OPEC', 'Organization of the Petroleum Exporting Countries'], ['WTO', 'World Trade Organization'],
  ['OECD', 'Organisation for Economic Co-operation and Development'],
  ['OSCE', 'Organization for Security and Co-operation in Europe'], ['ASEAN', 'Association of Southeast Asian Nations'],
  ['APEC', 'Asia-Pacific Economic Cooperation'], ['ECB', 'European Central Bank'], ['FIFA', 'FIFA'], ['UEFA', 'UEFA'],
  ['IOC', 'International Olympic Committee'], ['PLO', 'Palestine Liberation Organization'],
  ['ANC', 'African National Congress'], ['UNICEF', 'UNICEF'], ['UNESCO', 'UNESCO'], ['UNHCR', 'UNHCR'],
  ['NASA', 'National Aeronautics and Space Administration'], ['SEC', 'Securities and Exchange Commission'],
  ['FDA', 'Food and Drug Administration'], ['EPA', 'Environmental Protection Agency'], ['Interpol', 'Interpol'],
  ['Reuters', 'Reuters'], ['NBA', 'National Basketball Association'], ['NFL', 'National Football League'],
  ['NHL', 'National Hockey League'], ['GATT', 'General Agreement on Tariffs and Trade'],
]);

// multi-token gazetteer: phrase (space-joined tokens) -> kind bits
export const GZ_COUNTRY = 1;
export const GZ_CITY = 2;
export const GZ_DEMONYM = 4;
export const GZ_FIRST = 8;
export const GZ_TITLE = 16;
export const GZ_HONORIFIC = 32;
export const GZ_ORGWORD = 64;
export const GZ_PARTICLE = 128;
export const GZ_LOCWORD = 256;
export const GZ_COMMON = 2048;
export const GZ_COMPANY = 4096;
export const GZ_SURNAME = 8192;

/** Phrases of 2+ tokens from the gazetteer, keyed by their first token; value: [tokens[], kind]. */
export const PHRASES = new Map<string, Array<[string[], number]>>();
/** Single-token gazetteer membership bits (exact case). */
export const SINGLE = new Map<string, number>();

function splitPhrase(p: string): string[] {
  return p.split(/\s+/).filter(Boolean);
}
function addPhrase(p: string, kind: number): void {
  const toks = splitPhrase(p);
  if (toks.length === 0) return;
  if (toks.length === 1) {
    SINGLE.set(toks[0], (SINGLE.get(toks[0]) ?? 0) | kind);
    return;
  }
  let list = PHRASES.get(toks[0]);
  if (!list) PHRASES.set(toks[0], (list = []));
  list.push([toks, kind]);
}
for (const k of COUNTRY_ALIAS.keys()) addPhrase(k, GZ_COUNTRY);
for (const k of CITIES) addPhrase(k, GZ_CITY);
for (const k of DEMONYMS) addPhrase(k, GZ_DEMONYM);
for (const k of FIRST_NAMES) addPhrase(k, GZ_FIRST);
for (const k of G.companies ?? []) addPhrase(k, GZ_COMPANY);
/** Multi-word organisation names of the gazetteer ("Goldman Sachs", "Aston Villa"), space-joined. */
export const COMPANY_PHRASES: ReadonlySet<string> = new Set((G.companies ?? []).filter((k) => k.includes(' ')));
for (const k of G.surnames ?? []) addPhrase(k, GZ_SURNAME);
for (const list of PHRASES.values()) list.sort((a, b) => b[0].length - a[0].length);

/** Closed-class words: never a name on their own, folded in Title Case headlines, trimmed from span edges. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'and', 'or', 'but', 'as', 'amid',
  'over', 'after', 'before', 'into', 'onto', 'upon', 'about', 'against', 'between', 'during', 'without', 'under',
  'up', 'down', 'out', 'off', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'can', 'could', 'may',
  'says', 'say', 'said', 'not', 'no', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'who',
  'what', 'why', 'how', 'when', 'where', 'than', 'via', 'per', 'if', 'so', 'yet', 'all', 'more', 'most',
]);

/** Title words directly followed by a capitalised name that is then always a person ("Minister Kerrigan"). */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'president', 'president-elect', 'vice-president', 'minister', 'senator', 'sen.', 'chancellor', 'secretary',
  'secretary-general', 'governor', 'gov.', 'mayor', 'ambassador', 'congressman', 'congresswoman', 'rep.', 'judge',
  'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'sheik', 'emir', 'sultan', 'ayatollah', 'premier',
  'chairman', 'chairwoman', 'commissioner', 'inspector', 'detective', 'sergeant', 'sgt.', 'captain', 'capt.',
  'colonel', 'col.', 'lieutenant', 'lt.', 'gen.', 'admiral', 'adm.', 'cardinal', 'bishop', 'archbishop', 'rabbi',
  'brigadier', 'brig.', 'corporal', 'cpl.', 'cmdr.', 'cdr.',
  'imam', 'reverend', 'rev.', 'speaker', 'spokesman', 'spokeswoman', 'spokesperson', 'coach', 'leader', 'envoy',
  'prosecutor', 'lawmaker', 'senators', 'minister-president', 'dictator', 'strongman', 'archduke', 'duke', 'duchess',
]);

/** Nouns that introduce a company / organisation name ("the company Dunavski Prevozi", ", the Ruse company"). */
export const ORG_CUES: ReadonlySet<string> = new Set([
  'company', 'firm', 'operator', 'carrier', 'airline', 'maker', 'manufacturer', 'insurer', 'lender', 'retailer',
  'broadcaster', 'newspaper', 'conglomerate', 'group', 'giant', 'bank', 'club', 'team', 'party', 'outlet',
  'publisher', 'automaker', 'carmaker', 'startup', 'subsidiary', 'supplier', 'contractor', 'shipper', 'charity',
  'organisation', 'organization', 'agency', 'band', 'label', 'brand', 'chain', 'producer', 'developer', 'utility',
  'unit', 'affiliate', 'brokerage', 'refiner', 'miner', 'distributor', 'exporter', 'importer',
  'drugmaker', 'chipmaker', 'steelmaker', 'planemaker', 'truckmaker', 'toymaker', 'shipbuilder', 'brewer',
]);

/** Last words that make a multi-word name an organisation ("Danube Wire", "Acme Holdings", "General Motors"). */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set([
  'Wire', 'Radio', 'Courier', 'Ledger', 'Gazette', 'Herald', 'Times', 'Post', 'News', 'Tribune', 'Journal',
  'Chronicle', 'Telegraph', 'Express', 'Daily', 'Monitor', 'Observer', 'Standard', 'Inquirer', 'Bulletin', 'Briefing',
  'Television', 'TV', 'Broadcasting', 'Network', 'Media', 'Press', 'Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation',
  'Ltd', 'Ltd.', 'LLC', 'Plc', 'PLC', 'plc', 'AG', 'GmbH', 'SA', 'NV', 'Co', 'Co.', 'Company', 'Group', 'Holdings',
  'Industries', 'Motors', 'Airlines', 'Airways', 'Partners', 'Capital', 'Bancorp', 'Insurance', 'Energy',
  'Petroleum', 'Oil', 'Gas', 'Pharmaceuticals', 'Technologies', 'Systems', 'Software', 'Labs', 'Electronics',
  'Telecom', 'Communications', 'Enterprises', 'Ventures', 'Investments', 'Securities', 'Logistics', 'Shipping',
  'Lines', 'Railways', 'Rail', 'Brothers', 'Bros', 'Bros.', 'Associates', 'Foods', 'Brewery', 'Stores', 'Ministry', 'Party', 'Council', 'Committee', 'Commission',
  'Agency', 'Authority', 'University', 'Institute', 'Academy', 'Foundation', 'Association', 'Federation', 'League',
  'Club', 'FC', 'United', 'Rovers', 'Wanderers', 'Athletic', 'Bureau', 'Department', 'Police', 'Army', 'Navy',
  'Parliament', 'Assembly', 'Senate', 'Court', 'Tribunal', 'Service', 'Movement', 'Front', 'Brigade', 'Brigades',
  'Properties', 'Developments', 'Resources', 'Mining', 'Chemicals', 'Steel', 'Motor',
]);

/** Last words that make a multi-word name a place ("Black Sea", "Rocky Mountains"). */
export const LOC_HEADS: ReadonlySet<string> = new Set([
  'Sea', 'Ocean', 'River', 'Lake', 'Gulf', 'Bay', 'Mountains', 'Mountain', 'Mount', 'Island', 'Islands', 'Peninsula',
  'Strait', 'Straits', 'Desert', 'Valley', 'Coast', 'Province', 'County', 'District', 'Region', 'Street', 'Square',
  'Avenue', 'Canal', 'Channel', 'Delta', 'Basin', 'Plateau', 'Hills', 'Highlands', 'Heights', 'Strip', 'Oblast',
  'Governorate', 'Prefecture', 'Territory', 'Territories', 'Archipelago', 'Falls', 'Glacier', 'Volcano', 'Alps',
]);

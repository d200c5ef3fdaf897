// Small English word lists the attribution heuristics rely on. Lower-case, no dots.

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Verbs that attribute speech after or before a quote ("…," Tillerson said / Tillerson said: "…"). */
export const SPEECH_VERBS = set(`
  said says say told tells added adds asked asks stated states declared declares insisted insists noted notes
  warned warns explained explains wrote writes replied replies continued continues argued argues tweeted tweets
  claimed claims responded responds remarked stressed stresses urged urges announced announces admitted admits
  acknowledged acknowledges conceded concedes complained complains suggested suggests observed recalled recalls
  countered counters cautioned cautions predicted predicts vowed vows promised promises joked jokes concluded
  confirmed confirms denied denies emphasised emphasized maintained maintains reiterated reiterates repeated
  shouted whispered yelled pledged pledges quipped thundered wondered commented comments protested protests
  lamented laments charged charges conceded added posted assured assures demanded demands
`);

/** Verbs that only attribute a following quote: what he called a "disaster". */
export const PRE_ONLY_VERBS = set(`called calls described describes dubbed dubs termed terms labelled labeled branded`);

/** Participles whose subject is the sentence's subject: Spicer defended the strike, saying: "…". */
export const PARTICIPLES = set(`
  saying adding telling insisting warning noting arguing declaring calling describing stressing explaining
  urging asking claiming writing replying responding
`);

/** Words that may sit between a subject and its verb: "Tillerson also said", "he had told". */
export const AUX_ADVERBS = set(`
  has had have was were is are also later then again earlier previously once reportedly further repeatedly would
  will may might could separately simply just only had never already since subsequently afterwards himself herself
  not did does
`);

/** Honorifics and titles: stripped from names, and a sign that a capitalised run names a person. */
export const TITLES = set(`
  mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister secretary chancellor king queen
  prince princess general gen senator sen rep representative governor gov mayor ambassador spokesman spokeswoman
  spokesperson chief deputy director judge justice pope rev reverend father sheikh ayatollah colonel col captain capt
  lt lieutenant sgt sergeant officer commissioner chairman chairwoman chair ceo premier envoy inspector commander
  admiral marshal mp mep councillor councilor attorney state foreign defence defense interior finance press home head
  leader presidential emir crown counsel economy trade health justice secretary-general
`);

/** Role nouns a definite description can refer back to a person with: "the minister said". */
export const ROLE_NOUNS = set(`
  minister secretary president spokesman spokeswoman spokesperson ambassador chancellor premier envoy senator governor
  mayor general leader chief director chairman chairwoman commander king queen prince princess judge emir prosecutor
  coach captain
`);

/** Capitalised words that begin sentences or clauses rather than names. */
export const NAME_STOPWORDS = set(`
  the a an but and or in on at after before yet so when while also earlier later then however meanwhile still here
  there this that these those speaking asked pressed as if for with without since though although because it he she
  they we i you his her their our my its what who where why how by from to of under over during despite until
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december both such some many most every each all no not mr
`);

export const RESOLVABLE_PRONOUNS = set(`he she`);
export const OTHER_PRONOUNS = set(`they it we i you one`);

/** Lower-case particles inside names: Bashar al-Assad, Ursula von der Leyen. */
export const NAME_PARTICLES = set(`al el bin ibn abu de van von da di du del der den le la dos das ter`);

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = set(`mr mrs ms dr prof st gen sen rep gov lt col capt sgt jr sr mt no vs etc`);

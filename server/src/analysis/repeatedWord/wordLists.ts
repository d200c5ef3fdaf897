// Word lists for the repeated-word rule. All entries are lower case; apostrophes
// are straight. Kept apart from the scanner so the logic stays readable.

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/**
 * Doubles that are idiomatic, not slips: intensifiers, reduplicated interjections,
 * laughter, onomatopoeia, baby talk, and lower-case compound names ("mahi mahi").
 */
export const REDUPLICATIONS = set(`
  very really so far much many way long
  bye ha hah haha heh hehe hee ho hi hey ah aah oh ooh uh mm mmm hmm
  no yes yeah yep ok okay now well there please
  blah bla yadda yada la ta na tra fa rah
  knock chop tut tsk shh sh hush pooh goody din night nighty
  quack meow woof baa moo oink tweet honk beep boom bang pew choo ding buzz ring
  cha pom bon tom chin aye hubba hear bravo yum yummy wink nudge bling whoa wow
  boo poo dum tuk chow mahi ylang beri dik tse mau sapiens bora pago wagga walla
  jay chi phi li si x etc
`);

/** "there there" soothes, but "there there is" is a slip. */
export const THERE_VERBS = set(`is are was were will would has have had may might could should seems seem appears appear`);

/** "hip hip" is only idiomatic when the cheer follows. */
export const CHEERS = set(`hooray hurray hurrah`);

/**
 * Closed-class words. A capitalised double of one of these is a slip even mid-sentence
 * ("The the", "I I"), whereas a capitalised double of anything else is taken for a name.
 */
export const FUNCTION_WORDS = set(`
  the a an this that these those each every some any no all both either neither another such
  what which whose who whom whoever whatever whichever
  i me my mine you your yours he him his she her hers it its we us our ours they them their theirs
  myself yourself himself herself itself ourselves themselves
  of in on at by for with from to into onto upon about above across after against along among
  around as before behind below beneath beside between beyond during except inside near off out
  outside over past since through throughout till toward towards under until unto up via within
  without per than
  and or but nor yet if because although though while whereas unless whether when where once
  is am are was were be been being have has had do does did
  will would shall should can could may might must ought not
`);

/** Articles and demonstratives: "that that the plan" and "to to the office" are slips. */
export const DETERMINERS = set(`the a an this these those that`);

/** Words that put "can" in noun position: "the can can hold water". */
export const NOUN_OPENERS = set(`
  the a an this each every any no my his her its our their your
`);

/** Subjects and relatives that "had had" may follow: "she had had enough". */
export const SUBJECT_PRONOUNS = set(`i you he she it we they one who which that`);

/** Plain subject pronouns, for the reduced relative in "the firms I wrote to to get noticed". */
export const PERSONAL_SUBJECTS = set(`i you he she we they`);

/** Fronting words that strand a preposition or elide an infinitive before "to to". */
export const WH_WORDS = set(`
  what whatever who whom whoever whomever which whichever where wherever however
`);

/** After these a verb is expected, so a noun/verb homograph double is verb + noun. */
export const VERB_CONTEXT = set(`
  to will would shall should can could may might must i we you they did do does
`);

/**
 * Noun/verb homographs: "to record record profits", "we address address changes".
 * Only used after a VERB_CONTEXT word.
 */
export const HOMOGRAPHS = set(`
  address record contest conduct contract export import permit present produce project protest
  progress report process test plan design document request return review schedule support
  survey update upgrade estimate transfer transport fund host launch list order release sign
  stock store study target track trade train value water work file filter print post set cut
  run lead book mail email text message check control change challenge access alert audit award
  bank bid block boost brand budget call cap cover credit deal deposit display draft edit feature
  fire fix flag focus format guard handle index label link load lock log map match model monitor
  name output patch pay phone pin power price rate rent reset ring route scan score search seed
  share ship shop show sort source stage start state step stream style switch tag task tour trace
  trend trial trigger trust type use view visit vote watch wire
`);

/** Sentence-start modals that are also first names: "May May come?", "Will will go." */
export const NAME_MODALS = set(`may will`);

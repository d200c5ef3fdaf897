// Quotations: extraction with speaker attribution, canonical form, cross-file families, word diff.
export { extractQuotes } from './extract';
export { canonicalize } from './canonicalize';
export { QuoteIndex, speakerKey } from './quoteIndex';
export { diffWords } from './diffWords';
export type { Quote, StoredQuote, Speaker, QuoteFamily, FamilyMember, PersonMention, DiffOp } from './types';
export { sharesPassage } from './samePassage';

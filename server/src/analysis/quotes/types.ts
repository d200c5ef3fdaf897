// Data shapes of the quotation layer. Offsets are UTF-16 indices into the document text.

/** Who a quotation is attributed to. */
export interface Speaker {
  /** Surface name without honorific ("Tillerson" for "Mr Tillerson"); for a resolved pronoun, the antecedent's name. */
  name: string;
  /** Offsets of the attribution mention itself: the name, or the pronoun / role noun ("he", "the minister"). */
  start: number;
  end: number;
  /**
   * 'pronoun' when the name was reached through anaphora ("he said", "the minister said");
   * 'role' when a role noun could not be resolved ("the company said"): it names no one, so it
   * does not stop the quote linking with a named speaker's.
   */
  kind: 'name' | 'pronoun' | 'role';
}

/** One quoted span in a document. */
export interface Quote {
  /** Inner text offsets, marks and surrounding whitespace excluded. */
  start: number;
  end: number;
  /** Offsets including the marks (markEnd == end when a paragraph of a multi-paragraph quote has no closing mark). */
  markStart: number;
  markEnd: number;
  /** text.slice(start, end). */
  text: string;
  canonical: string;
  tokens: string[];
  /** Spans of one utterance ("A," he said. "B") share this id; ids are unique within a file. */
  utterance: number;
  speaker: Speaker | null;
}

/**
 * A quote as kept in a file summary: the canonical form and tokens are derived from `text`
 * (`canonicalize(text)`) and may be left out to save memory; QuoteIndex recomputes them.
 */
export type StoredQuote = Omit<Quote, 'canonical' | 'tokens'> & Partial<Pick<Quote, 'canonical' | 'tokens'>>;

export interface PersonMention {
  start: number;
  end: number;
  name: string;
}

export interface FamilyMember {
  file: string;
  /** Index into that file's quotes as given to QuoteIndex.setFile. */
  quote: number;
  text: string;
  start: number;
  end: number;
  speaker: string | null;
}

/** One statement as printed by several documents. */
export interface QuoteFamily {
  /** Hash of the anchor's canonical text: stable while the most complete version stays the same. */
  id: string;
  /** Canonical text of the most complete member utterance (the anchor). */
  canonical: string;
  speaker: string | null;
  /** Ordered by file, then quote index. */
  members: FamilyMember[];
}

export type DiffOp = { op: 'same' | 'added' | 'removed'; text: string };

// Shared vocabulary of the pure analysis core. Everything here is plain data over
// UTF-16 offsets into the document text (JavaScript string indices); no LSP types.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Replace text[start, end) with newText. Offsets are UTF-16 code-unit indices. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** One repair a problem offers; its edits never overlap. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a "fix all" or the preferred quick fix applies. */
  preferred?: boolean;
}

/** A finding of one rule over one document. */
export interface Problem {
  /** Stable rule id, surfaced as the diagnostic `code` ("mojibake", "repeated-word", ...). */
  rule: string;
  start: number;
  end: number;
  severity: Severity;
  message: string;
  fixes: Fix[];
}

/** A rule is a pure function of the document text; it never throws and never does I/O. */
export interface Rule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Whether its preferred fixes are safe to apply without looking (fix-all, `copydesk fix`). */
  fixAll: boolean;
  /**
   * Whether it reads each block on its own: check(text) is the problems of check() over each block of
   * `blockEnds(text, true)` (blocks end at blank lines and after lines too long to be hard-wrapped),
   * offsets shifted; a property test holds every rule that says so to it. Then a keystroke re-checks
   * the block it changed only. 'paragraphs': the same over the blocks of `blockEnds(text, false)`,
   * which end at blank lines only (a rule that reads across a single line break).
   */
  blockLocal?: boolean | 'paragraphs';
  check(text: string): Problem[];
}

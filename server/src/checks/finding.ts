// A finding of a consistency check: what the editor shows as a diagnostic and the command line
// prints. Plain data: the LSP layer and the command line convert it.

import type { Span } from '../analysis/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Severity order, most severe first; `--fail-on` compares against it. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface RelatedLocation extends Span {
  readonly uri: string;
  readonly message: string;
}

export interface Finding extends Span {
  /** A stable check code from the design table: "figure-conflict", "glued-words", … */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  /**
   * What a fix needs of the finding, as data: fixes read it here, never back out of the message,
   * which is written for people. The language server sends it as the diagnostic's `data`.
   */
  readonly data?: FindingData;
}

/** The data a finding carries for its fixes: one shape per check that has any. */
export type FindingData = SpellingData;

/** party-variant: a party written in a form other than the one to use. */
export interface SpellingData {
  /** The form found, as the text writes it ("Vietnam"). */
  readonly variant: string;
  /** The form to write instead ("Viet Nam"); null when the workspace flags a form without naming one. */
  readonly usual: string | null;
  /** Whose form `usual` is: the release's own (the one it writes most) or the workspace's (a house or flagged form). */
  readonly usualFrom: 'release' | 'workspace';
}

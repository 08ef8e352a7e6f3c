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
}

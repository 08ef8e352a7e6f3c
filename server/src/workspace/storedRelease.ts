// A release the index keeps while it is closed: its text as UTF-8 bytes, read back into a string
// when a check or a hover needs it. One accented letter or typographic dash makes V8 store a whole
// release two bytes per character; as UTF-8 a release in English takes about half of that (about
// 40 MB less for a 10,000-release archive). Open documents keep their string: they change on
// every keystroke and are read on every request.

import type { CheckedRelease } from '../checks/check';
import type { DocumentAnalysis } from '../analysis/types';
import type { ReleaseConfig } from '../config/model';
import { compactInPlace } from './compact';

/**
 * The text read back last, and whose. The checks and features read one release's text many times in
 * a row (glued words twice per finding, suppressions, the prose view), then the next release's. One
 * slot, not a map: texts kept in a Map of the most recent ones (64, and even 2) ended up in V8's old
 * generation, where every text read during the first check of a workspace stayed as garbage until a
 * full collection (reading 4,000 texts through the map grew the old space by 32 MB, through this slot
 * by nothing).
 */
let lastRead: StoredRelease | null = null;
let lastText = '';

class StoredRelease implements CheckedRelease {
  private readonly bytes: Buffer;

  constructor(
    readonly uri: string,
    text: string,
    readonly analysis: DocumentAnalysis,
    readonly config: ReleaseConfig | undefined,
    utf8: Buffer | undefined,
  ) {
    this.bytes = utf8 ?? Buffer.from(text, 'utf8');
    // The index asks the checks for this release's keys next, and they read its text.
    lastRead = this;
    lastText = text;
  }

  get text(): string {
    if (lastRead !== this) {
      lastText = this.bytes.toString('utf8');
      lastRead = this;
    }
    return lastText;
  }
}

/**
 * The release as the index keeps it. `open`: the editor's document, kept as a string with its
 * analysis as made (both are replaced at the next keystroke). A closed release is kept for as long
 * as it exists: its analysis is compacted (compact.ts), which also leaves no slice of `text` in it
 * to keep the string alive. `utf8`: the text as UTF-8, when it was read so from a file (it is not
 * encoded again).
 */
export function storedRelease(
  uri: string,
  text: string,
  analysis: DocumentAnalysis,
  config: ReleaseConfig | undefined,
  open: boolean,
  utf8?: Buffer,
): CheckedRelease {
  if (!open) compactInPlace(analysis);
  // An open release keeps its text as a string; so does one UTF-8 cannot hold (a lone surrogate,
  // never in a text read from a file).
  if (open || (utf8 === undefined && !isWellFormed(text))) return config === undefined ? { uri, text, analysis } : { uri, text, analysis, config };
  return new StoredRelease(uri, text, analysis, config, utf8);
}

/** `String.prototype.isWellFormed` (Node 20; newer than the ES2022 library the project compiles against). */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

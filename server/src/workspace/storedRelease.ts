// A release the index keeps while it is closed: its text as UTF-8 bytes, read back into a string
// when a check or a hover needs it. One accented letter or typographic dash makes V8 store a whole
// release two bytes per character; as UTF-8 a release in English takes about half of that (about
// 40 MB less for a 10,000-release archive). Open documents keep their string: they change on
// every keystroke and are read on every request.

import type { CheckedRelease } from '../checks/check';
import type { DocumentAnalysis } from '../analysis/types';
import type { ReleaseConfig } from '../config/model';
import { compactInPlace } from './compact';

/** Texts read back recently, most recent last: a re-check reads the same few releases' texts several times. */
const recentlyRead = new Map<StoredRelease, string>();
const RECENTLY_READ_LIMIT = 64;

class StoredRelease implements CheckedRelease {
  private readonly bytes: Buffer;

  constructor(
    readonly uri: string,
    text: string,
    readonly analysis: DocumentAnalysis,
    readonly config: ReleaseConfig | undefined,
  ) {
    this.bytes = Buffer.from(text, 'utf8');
  }

  get text(): string {
    const recent = recentlyRead.get(this);
    if (recent !== undefined) {
      recentlyRead.delete(this);
      recentlyRead.set(this, recent);
      return recent;
    }
    const text = this.bytes.toString('utf8');
    recentlyRead.set(this, text);
    if (recentlyRead.size > RECENTLY_READ_LIMIT) recentlyRead.delete(recentlyRead.keys().next().value!);
    return text;
  }
}

/**
 * The release as the index keeps it. `open`: the editor's document, kept as a string with its
 * analysis as made (both are replaced at the next keystroke). A closed release is kept for as long
 * as it exists: its analysis is compacted (compact.ts), which also leaves no slice of `text` in it
 * to keep the string alive.
 */
export function storedRelease(uri: string, text: string, analysis: DocumentAnalysis, config: ReleaseConfig | undefined, open: boolean): CheckedRelease {
  if (!open) compactInPlace(analysis);
  // UTF-8 cannot hold a lone surrogate: such a text (never one read from a file) stays a string.
  if (open || !isWellFormed(text)) return config === undefined ? { uri, text, analysis } : { uri, text, analysis, config };
  return new StoredRelease(uri, text, analysis, config);
}

/** `String.prototype.isWellFormed` (Node 20; newer than the ES2022 library the project compiles against). */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

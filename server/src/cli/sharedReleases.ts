// Releases handed from the worker thread that analysed them to the others, which check some of them
// or read them as peers of those they check. A batch's releases go into one block of shared memory,
// which every thread reads and none copies: each one's analysis and document-check results (V8's
// serialization, which keeps every value as it was: NaN, -0, undefined, Maps) and its text (UTF-8).
// A thread decodes a release only when a check or the report first reads it. Sending the analyses
// themselves by structured clone cost more than a second thread gave (10,000 releases: 32.9 s on
// two threads against 29.7 s on one).
//
// Most peers are read for their claims alone (figures, claims, lines); their dates and party
// mentions, half of an analysis, are read only by the checks that read peers' sentences
// (anniversaries, numbered meetings) and by the report, so they are decoded apart, when first read.

import { deserialize, serialize } from 'node:v8';
import type { DocumentAnalysis } from '../analysis/types';
import type { CheckedRelease } from '../checks/check';
import type { Finding } from '../checks/finding';
import type { CheckRun } from '../checks/index';
import type { ReleaseConfig } from '../config/model';
import { compactInPlace } from '../workspace/compact';

/** What the document checks gave a release, as the thread that analysed it ran them. */
export interface DocumentResults {
  readonly findings: Finding[];
  readonly failures: CheckRun['failures'];
}

/** The parts of an analysis decoded only when read. */
const APART = ['dates', 'parties'] as const;
type Apart = Pick<DocumentAnalysis, (typeof APART)[number]>;

/** Parts per release: the analysis but `APART`, `APART`, the document results, the text. */
const PARTS = 4;

/** Some releases in shared memory: part p of release i ends at `ends[PARTS * i + p]`. */
export interface SharedBlock {
  readonly memory: SharedArrayBuffer;
  readonly ends: readonly number[];
}

export function shareReleases(releases: readonly { release: CheckedRelease; results: DocumentResults }[]): SharedBlock {
  const parts: (Buffer | string)[] = [];
  const ends: number[] = [];
  let size = 0;
  for (const { release, results } of releases) {
    const { dates, parties, ...rest } = release.analysis;
    const apart: Apart = { dates, parties };
    const text = release.text;
    parts.push(serialize(rest), serialize(apart), serialize({ findings: results.findings, failures: results.failures } satisfies DocumentResults), text);
    for (const part of parts.slice(-PARTS)) ends.push((size += typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.length));
  }
  const memory = new SharedArrayBuffer(size);
  const bytes = Buffer.from(memory);
  let at = 0;
  for (const part of parts) at += typeof part === 'string' ? bytes.write(part, at, 'utf8') : part.copy(bytes, at);
  return { memory, ends };
}

/** The `i`th release of a block, as a thread other than the one that analysed it reads it. */
export function sharedRelease(block: SharedBlock, i: number, uri: string, config: ReleaseConfig | undefined): CheckedRelease & { readonly results: DocumentResults } {
  const bytes = (part: number): Buffer => {
    const at = PARTS * i + part;
    const start = at === 0 ? 0 : block.ends[at - 1]!;
    return Buffer.from(block.memory, start, block.ends[at]! - start);
  };
  return new SharedRelease(uri, config, bytes(0), bytes(1), bytes(2), bytes(3));
}

class SharedRelease implements CheckedRelease {
  private decoded: DocumentAnalysis | undefined;

  constructor(
    readonly uri: string,
    readonly config: ReleaseConfig | undefined,
    private readonly mainBytes: Buffer,
    private readonly apartBytes: Buffer,
    private readonly resultBytes: Buffer,
    private readonly textBytes: Buffer,
  ) {}

  get analysis(): DocumentAnalysis {
    if (this.decoded) return this.decoded;
    const analysis = compactInPlace(deserialize(this.mainBytes) as Record<string, unknown>);
    const apartBytes = this.apartBytes;
    let apart: Apart | undefined;
    for (const name of APART) {
      Object.defineProperty(analysis, name, {
        configurable: true,
        enumerable: true,
        get: () => {
          apart ??= compactInPlace(deserialize(apartBytes) as Apart);
          // From here on plain values: the accessors are done with.
          for (const other of APART) Object.defineProperty(analysis, other, { value: apart[other], enumerable: true, writable: false, configurable: false });
          return apart[name];
        },
      });
    }
    return (this.decoded = analysis as unknown as DocumentAnalysis);
  }

  /** Decoded at each read: a peer's text is read rarely (its anniversaries and meetings, once). */
  get text(): string {
    return this.textBytes.toString('utf8');
  }

  /** Decoded once, by the thread that reports the release. */
  get results(): DocumentResults {
    return deserialize(this.resultBytes) as DocumentResults;
  }
}

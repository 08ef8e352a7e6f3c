// Releases handed from the worker thread that analysed them to the others, which need them as the
// peers their own releases' workspace checks read. A batch's analyses (V8's serialization, which
// keeps every value as it was: NaN, -0, undefined, Maps) and texts (UTF-8) go into one block of
// shared memory, which every thread reads and none copies; a thread decodes a release's analysis
// only when a check first reads it. Sending the analyses themselves by structured clone cost more
// than a second thread gave (10,000 releases: 32.9 s on two threads against 29.7 s on one).
//
// Most peers are read for their claims alone (figures, claims, lines); their dates and party
// mentions, half of an analysis, are read only by the checks that read peers' sentences
// (anniversaries, numbered meetings), so they are decoded apart, when first read.

import { deserialize, serialize } from 'node:v8';
import type { DocumentAnalysis } from '../analysis/types';
import type { CheckedRelease } from '../checks/check';
import type { ReleaseConfig } from '../config/model';
import { compactInPlace } from '../workspace/compact';

/** The parts of an analysis decoded only when read. */
const APART = ['dates', 'parties'] as const;
type Apart = Pick<DocumentAnalysis, (typeof APART)[number]>;

/** Some releases in shared memory: for release i, its analysis but `APART` ends at `ends[3i]`, `APART` at `ends[3i + 1]`, its text at `ends[3i + 2]`. */
export interface SharedBlock {
  readonly memory: SharedArrayBuffer;
  readonly ends: readonly number[];
}

export function shareReleases(releases: readonly CheckedRelease[]): SharedBlock {
  const parts: Buffer[] = [];
  const ends: number[] = [];
  let size = 0;
  for (const release of releases) {
    const { dates, parties, ...rest } = release.analysis;
    const apart: Apart = { dates, parties };
    for (const part of [serialize(rest), serialize(apart)]) {
      parts.push(part);
      ends.push((size += part.length));
    }
    ends.push((size += Buffer.byteLength(release.text, 'utf8')));
  }
  const memory = new SharedArrayBuffer(size);
  const bytes = Buffer.from(memory);
  let at = 0;
  releases.forEach((release, i) => {
    at += parts[2 * i]!.copy(bytes, at);
    at += parts[2 * i + 1]!.copy(bytes, at);
    at += bytes.write(release.text, at, 'utf8');
  });
  return { memory, ends };
}

/** The `i`th release of a block, as a thread other than the one that analysed it reads it. */
export function sharedRelease(block: SharedBlock, i: number, uri: string, config: ReleaseConfig | undefined): CheckedRelease {
  const bytes = (part: number): Buffer => {
    const start = i === 0 && part === 0 ? 0 : block.ends[3 * i + part - 1]!;
    return Buffer.from(block.memory, start, block.ends[3 * i + part]! - start);
  };
  return new SharedRelease(uri, config, bytes(0), bytes(1), bytes(2));
}

class SharedRelease implements CheckedRelease {
  private decoded: DocumentAnalysis | undefined;

  constructor(
    readonly uri: string,
    readonly config: ReleaseConfig | undefined,
    private readonly mainBytes: Buffer,
    private readonly apartBytes: Buffer,
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

  /** Decoded at each read: peers' texts are read rarely (their anniversaries and meetings, once). */
  get text(): string {
    return this.textBytes.toString('utf8');
  }
}

// The command line's work on one thread. First the files it is given are read, analysed, given
// their document checks and keyed (`analyse`: its own releases); other threads' releases arrive
// in shared memory (`addPeer`). Once every release of the run is in, the thread is told which
// releases to check (`assign`): it files every release under its keys, its own as analysed and the
// others decoded when first read, and runs the workspace checks of each assigned release and makes
// its part of the report (`report`). On one thread, every release is its own and all are assigned.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedRelease } from '../checks/check';
import { compareFindings, runChecks } from '../checks/index';
import type { ResolvedConfig } from '../config/resolve';
import type { ConfigFiles } from '../workspace/configFiles';
import { analyseFile, releaseUri, WORKSPACE_CHECKS, type FileResult } from './analyseFile';
import { Archive } from './archive';
import { documentReport, type DocumentReport, type RelatedPlaces, type ReportOptions } from './report';
import { sharedRelease, shareReleases, type DocumentResults, type SharedBlock } from './sharedReleases';

/** What the main thread learns of a file once it is analysed. */
export type Analysed = { readonly ok: false; readonly reason: string; readonly error: boolean } | { readonly ok: true };

/** A release's part of the report, and the checks that failed on it (for stderr). */
export interface Reported {
  readonly report: DocumentReport;
  readonly failures: readonly string[];
}

type Own = Extract<FileResult, { ok: true }>;

/** Where a release is in shared memory. */
interface Shared {
  readonly block: SharedBlock;
  /** Its place in the block. */
  readonly at: number;
}

/** A release this thread checks, with what its document checks gave. */
interface Assigned {
  readonly release: CheckedRelease;
  readonly results: DocumentResults;
  readonly settings: ResolvedConfig['checks'];
}

export class Shard {
  private readonly own = new Map<number, Own>();
  /** Own releases put in shared memory, and other threads' releases, with their keys. */
  private readonly shared = new Map<number, Shared & { readonly keys: readonly string[] }>();
  private archive: Archive | undefined;
  private readonly assigned = new Map<number, Assigned>();

  constructor(
    private readonly paths: readonly string[],
    private readonly configs: ConfigFiles,
  ) {}

  /** Reads, analyses, checks alone and keys the release of file `index`, as one of this thread's own. */
  analyse(index: number): FileResult {
    const result = analyseFile(this.paths[index]!, this.configs);
    if (result.ok) this.own.set(index, result);
    return result;
  }

  /** Puts own releases (of files analysed here) into one block of shared memory, for the other threads. */
  share(indices: readonly number[]): SharedBlock {
    const owned = indices.map((index) => this.own.get(index)!);
    const block = shareReleases(owned.map((own) => ({ release: own.release, results: own })));
    owned.forEach((own, at) => this.shared.set(indices[at]!, { block, at, keys: own.keys }));
    return block;
  }

  /** A release another thread analysed: the `at`th of a shared block. */
  addPeer(index: number, block: SharedBlock, at: number, keys: readonly string[]): void {
    this.shared.set(index, { block, at, keys });
  }

  /**
   * Every release of the run is in: files them all, and makes ready the releases of `indices` (all
   * own releases when absent) for `report`. Own releases not assigned are let go: a thread that
   * reads one decodes it from the shared block like any other peer.
   */
  assign(indices?: readonly number[]): void {
    const archive = (this.archive = new Archive());
    const wanted = indices ? new Set(indices) : undefined;
    for (const [index, own] of this.own) {
      if (wanted && !wanted.has(index) && this.shared.has(index)) continue; // filed below, as another thread's
      archive.add(index, own.release, own.keys);
      this.shared.delete(index);
      if (!wanted || wanted.has(index)) this.assigned.set(index, { release: own.release, results: own, settings: own.settings });
    }
    for (const [index, { block, at, keys }] of this.shared) {
      const path = this.paths[index]!;
      const config = this.configs.configFor(resolve(path));
      const release = sharedRelease(block, at, releaseUri(path), config.release);
      archive.add(index, release, keys);
      if (wanted?.has(index)) this.assigned.set(index, { release, results: release.results, settings: config.checks });
    }
    this.own.clear();
    this.shared.clear();
    archive.seal();
  }

  /** Runs the workspace checks of assigned file `index` against every release, and makes its part of the report. */
  report(index: number, options: ReportOptions): Reported {
    const assigned = this.assigned.get(index);
    if (!assigned || !this.archive) throw new Error(`file ${index} is not one this thread checks`);
    this.assigned.delete(index);
    const path = this.paths[index]!;
    const release = this.archive.release(assigned.release.uri)!;
    const workspace = runChecks(release, this.archive, WORKSPACE_CHECKS, assigned.settings);
    // The document checks ran with the analysis; merged in runChecks' order, the findings are the ones
    // runChecks(release, index, ALL_CHECKS) gives (the sort is stable and one check has one code).
    const findings = [...assigned.results.findings, ...workspace.findings].sort(compareFindings);
    const failures = [...assigned.results.failures, ...workspace.failures].map((failure) => `the ${failure.code} check failed on ${path}: ${failure.error}`);
    const report = documentReport({ path, analysis: release.analysis, findings }, options, this.places);
    return { report, failures };
  }

  /** Related locations: their paths as the files were named, for releases of the run; lines and columns from the archive. */
  private readonly places: RelatedPlaces = {
    pathOf: (uri) => {
      const index = this.archive?.fileOf(uri);
      if (index !== undefined) return this.paths[index]!;
      return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    },
    analysisOf: (uri) => this.archive?.release(uri)?.analysis,
  };
}

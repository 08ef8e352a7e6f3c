// The command line's work on one thread: the releases it analyses (its own) and the releases other
// threads analysed (its peers), in one archive. Its own releases are read, analysed and given their
// document checks first (`analyse`); once every thread has filed every release, each thread runs
// the workspace checks of its own releases and makes their parts of the report (`report`). On one
// thread, every release is its own.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedRelease } from '../checks/check';
import { compareFindings, runChecks } from '../checks/index';
import type { ConfigFiles } from '../workspace/configFiles';
import { analyseFile, releaseUri, WORKSPACE_CHECKS, type FileResult } from './analyseFile';
import { Archive } from './archive';
import { documentReport, type DocumentReport, type ReportOptions } from './report';

/** What the main thread learns of a file once it is analysed. */
export type Analysed = { readonly ok: false; readonly reason: string; readonly error: boolean } | { readonly ok: true };

/** A release's part of the report, and the checks that failed on it (for stderr). */
export interface Reported {
  readonly report: DocumentReport;
  readonly failures: readonly string[];
}

export class Shard {
  private readonly archive = new Archive();
  /** Own releases analysed and not yet reported. */
  private readonly own = new Map<number, Extract<FileResult, { ok: true }>>();

  constructor(
    private readonly paths: readonly string[],
    private readonly configs: ConfigFiles,
  ) {}

  /** Reads, analyses and files the release of file `index`, as one of this thread's own. */
  analyse(index: number): FileResult {
    const result = analyseFile(this.paths[index]!, this.configs);
    if (result.ok) {
      this.own.set(index, result);
      this.archive.add(index, result.release, result.keys);
    }
    return result;
  }

  /** Whether file `index` is an own release not yet reported. */
  owns(index: number): boolean {
    return this.own.has(index);
  }

  /** Files a release another thread analysed. */
  addPeer(index: number, release: CheckedRelease, keys: readonly string[]): void {
    this.archive.add(index, release, keys);
  }

  /** The URI and the configuration a release of file `index` has. */
  identify(index: number): { uri: string; config: CheckedRelease['config'] } {
    const path = this.paths[index]!;
    return { uri: releaseUri(path), config: this.configs.configFor(resolve(path)).release };
  }

  /**
   * Runs the workspace checks of own file `index` against every release filed, and makes its part
   * of the report. Only once every release of the run is filed: the first call seals the archive.
   */
  report(index: number, options: ReportOptions): Reported {
    const own = this.own.get(index);
    if (!own) throw new Error(`file ${index} is not one this thread analysed`);
    this.own.delete(index);
    this.archive.seal();
    const path = this.paths[index]!;
    const release = this.archive.release(own.release.uri)!;
    const workspace = runChecks(release, this.archive, WORKSPACE_CHECKS, own.settings);
    // The document checks ran with the analysis; merged in runChecks' order, the findings are the ones
    // runChecks(release, index, ALL_CHECKS) gives (the sort is stable and one check has one code).
    const findings = [...own.findings, ...workspace.findings].sort(compareFindings);
    const failures = [...own.failures, ...workspace.failures].map((failure) => `the ${failure.code} check failed on ${path}: ${failure.error}`);
    const report = documentReport({ path, analysis: release.analysis, findings }, options, this.pathOf);
    return { report, failures };
  }

  /** A related location's path: as the file was named, for a release of the run. */
  private readonly pathOf = (uri: string): string => {
    const index = this.archive.fileOf(uri);
    if (index !== undefined) return this.paths[index]!;
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  };
}

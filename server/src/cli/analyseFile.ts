// The command line's per-file work: read a release, analyse it, run its document checks and find
// the keys its workspace checks file it under. The same function runs on the main thread and in the
// worker threads, so both give the same results; the workspace checks need every release filed, so
// they run once all are (shard.ts).

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseDocument } from '../analysis/document';
import type { ProseContext } from '../analysis/text';
import { primeReleaseProse } from '../checks/textual';
import type { CheckedRelease } from '../checks/check';
import type { Finding } from '../checks/finding';
import { ALL_CHECKS, runChecks, type CheckRun } from '../checks/index';
import { analysisOptions, type ResolvedConfig } from '../config/resolve';
import type { ConfigFiles } from '../workspace/configFiles';
import { WorkspaceIndex } from '../workspace/index';
import { readRelease } from '../workspace/readRelease';
import { storedRelease } from '../workspace/storedRelease';

/** Checks whose findings depend on one release alone. */
export const DOCUMENT_CHECKS = ALL_CHECKS.filter((check) => check.scope === 'document');
/** Checks that read other releases through the index. */
export const WORKSPACE_CHECKS = ALL_CHECKS.filter((check) => check.scope !== 'document');

/** What one file gave. */
export type FileResult =
  | { readonly ok: false; readonly reason: string; readonly error: boolean }
  | {
      readonly ok: true;
      readonly release: CheckedRelease;
      /** Per-check severity or `off`, from the configuration that applies to the file. */
      readonly settings: ResolvedConfig['checks'];
      /** Findings of the document checks, suppressions applied. */
      readonly findings: Finding[];
      readonly failures: CheckRun['failures'];
      /** What the workspace checks file the release under (`workspaceKeys`). */
      readonly keys: readonly string[];
    };

/** The URI a file's release has: its absolute path as a file URL. */
export function releaseUri(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

export function analyseFile(path: string, configs: ConfigFiles): FileResult {
  const read = readRelease(path);
  if (!read.ok) return read;
  const uri = releaseUri(path);
  const config = configs.configFor(resolve(path));
  let context: ProseContext | undefined;
  const analysis = analyseDocument(read.text, uri, { ...analysisOptions(config), onContext: (c) => (context = c) });
  // Kept until the run ends, as the language server keeps a closed release: its text as UTF-8 and its
  // analysis with shared strings (half the memory of 10,000 releases).
  const release = storedRelease(uri, read.text, analysis, config.release, false, read.bytes);
  if (context) primeReleaseProse(release, context); // the document checks and the keys read the same prose next
  // Document checks see the release alone: it is the whole workspace they may read.
  const alone = new WorkspaceIndex(DOCUMENT_CHECKS);
  alone.set(release, 0);
  const { findings, failures } = runChecks(release, alone, DOCUMENT_CHECKS, config.checks);
  return { ok: true, release, settings: config.checks, findings, failures, keys: workspaceKeys(release) };
}

/** The keys under which a release's facts meet other releases' facts, over every workspace check. */
export function workspaceKeys(release: CheckedRelease): string[] {
  const keys = new Set<string>();
  for (const check of WORKSPACE_CHECKS) if (check.keys) for (const key of check.keys(release)) keys.add(key);
  return [...keys];
}

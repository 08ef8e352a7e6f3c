// The command line's per-file work: read a release, analyse it and run its document checks. The
// same function runs on the main thread and in the worker threads, so both give the same results;
// the workspace checks need every release indexed, so they run afterwards on the main thread.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseDocument } from '../analysis/document';
import type { DocumentAnalysis } from '../analysis/types';
import type { ProseContext } from '../analysis/text';
import { primeReleaseProse } from '../checks/textual';
import type { CheckedRelease } from '../checks/check';
import type { Finding } from '../checks/finding';
import { ALL_CHECKS, runChecks, type CheckRun } from '../checks/index';
import { analysisOptions } from '../config/resolve';
import type { ConfigFiles } from '../workspace/configFiles';
import { WorkspaceIndex } from '../workspace/index';
import { readRelease } from '../workspace/readRelease';

/** Checks whose findings depend on one release alone. */
export const DOCUMENT_CHECKS = ALL_CHECKS.filter((check) => check.scope === 'document');
/** Checks that read other releases through the index. */
export const WORKSPACE_CHECKS = ALL_CHECKS.filter((check) => check.scope !== 'document');

/** What one file gave: plain data, so it crosses from a worker thread by structured clone. */
export type FileResult =
  | { readonly ok: false; readonly reason: string; readonly error: boolean }
  | {
      readonly ok: true;
      readonly uri: string;
      readonly text: string;
      readonly analysis: DocumentAnalysis;
      /** Findings of the document checks, suppressions applied. */
      readonly findings: Finding[];
      readonly failures: CheckRun['failures'];
    };

export function analyseFile(path: string, configs: ConfigFiles): FileResult {
  const read = readRelease(path);
  if (!read.ok) return read;
  const absolute = resolve(path);
  const uri = pathToFileURL(absolute).href;
  const config = configs.configFor(absolute);
  let context: ProseContext | undefined;
  const analysis = analyseDocument(read.text, uri, { ...analysisOptions(config), onContext: (c) => (context = c) });
  const release: CheckedRelease = { uri, text: read.text, analysis, config: config.release };
  if (context) primeReleaseProse(release, context); // the document checks read the same prose next
  // Document checks see the release alone: it is the whole workspace they may read.
  const alone = new WorkspaceIndex(DOCUMENT_CHECKS);
  alone.set(release, 0);
  const { findings, failures } = runChecks(release, alone, DOCUMENT_CHECKS, config.checks);
  return { ok: true, uri, text: read.text, analysis, findings, failures };
}

// `communique check PATHS…`: the same analysis as the editor, over files and folders, for CI.

import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { analyseDocument } from '../analysis/document';
import { SEVERITY_RANK } from '../checks/finding';
import { ALL_CHECKS, runChecks } from '../checks/index';
import { WorkspaceIndex } from '../workspace/index';
import { parseArgs, USAGE, type CheckCommand } from './args';
import { collectReleases } from './collect';
import { readRelease } from '../workspace/readRelease';
import { toJson, toText, type CheckedDocument, type SkippedPath } from './report';
import { ConfigFiles } from '../workspace/configFiles';
import { describeProblem } from '../config/model';
import { analysisOptions, fileVerdict, type ResolvedConfig } from '../config/resolve';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void, isTty = false): number {
  const parsed = parseArgs(argv, isTty);
  switch (parsed.command) {
    case 'help':
      out(USAGE);
      return 0;
    case 'version':
      out(VERSION);
      return 0;
    case 'error':
      err(`communique: ${parsed.message}\n\n${USAGE}`);
      return 2;
    case 'check':
      return check(parsed, out, err);
  }
}

function check(command: CheckCommand, out: (text: string) => void, err: (text: string) => void): number {
  const configs = new ConfigFiles();
  const verdict = (path: string): 'include' | 'exclude' | null => fileVerdict(path.replace(/\\/g, '/'), configs.configFor(path).files);
  const { files, unreadable } = collectReleases(command.paths, command.files, verdict);
  // A broken configuration file stops the run: its findings would not be the office's.
  const broken = new Map<string, string[]>();
  for (const path of files) {
    for (const file of configs.problemsFor(resolve(path))) {
      if (!broken.has(file.path)) broken.set(file.path, file.problems.map((p) => describeProblem(file.path, p)));
    }
  }
  if (broken.size > 0) {
    for (const messages of broken.values()) for (const message of messages) err(`communique: ${message}`);
    return 2;
  }
  const documents: CheckedDocument[] = [];
  const skipped: SkippedPath[] = [];
  let readFailures = unreadable.length;
  for (const { path, reason } of unreadable) err(`communique: cannot read ${path}: ${reason}`);
  const pathByUri = new Map<string, string>();
  // Every release is indexed before any is checked: a finding may need a release read later.
  const index = new WorkspaceIndex(ALL_CHECKS);
  const loaded: { path: string; uri: string }[] = [];
  const checkSettings = new Map<string, ResolvedConfig['checks']>();
  for (const path of files) {
    const read = readRelease(path);
    if (!read.ok) {
      if (read.error) {
        readFailures++;
        err(`communique: cannot read ${path}: ${read.reason}`);
      } else {
        err(`communique: ${path}: ${read.reason}`);
      }
      skipped.push({ path, reason: read.reason });
      continue;
    }
    const uri = pathToFileURL(resolve(path)).href;
    pathByUri.set(uri, path);
    const config = configs.configFor(resolve(path));
    index.set({ uri, text: read.text, analysis: analyseDocument(read.text, uri, analysisOptions(config)), config: config.release }, 0);
    checkSettings.set(uri, config.checks);
    loaded.push({ path, uri });
  }
  for (const { path, uri } of loaded) {
    const release = index.release(uri)!;
    const { findings, failures } = runChecks(release, index, ALL_CHECKS, checkSettings.get(uri));
    for (const failure of failures) err(`communique: the ${failure.code} check failed on ${path}: ${failure.error}`);
    documents.push({ path, text: release.text, analysis: release.analysis, findings });
  }
  const pathOf = (uri: string): string => pathByUri.get(uri) ?? (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  if (command.format === 'json') out(JSON.stringify(toJson(documents, skipped, VERSION, pathOf), null, 2));
  else out(toText(documents, skipped, command.color));

  if (readFailures > 0) return 2;
  if (command.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[command.failOn];
  const failing = documents.some((d) => d.findings.some((f) => SEVERITY_RANK[f.severity] <= threshold));
  return failing ? 1 : 0;
}

if (require.main === module) {
  const code = main(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
    Boolean(process.stdout.isTTY),
  );
  process.exitCode = code;
}

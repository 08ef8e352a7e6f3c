// `communique check PATHS…`: the same analysis as the editor, over files and folders, for CI.

import { VERSION } from '../version';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { SEVERITY_RANK } from '../checks/finding';
import { ALL_CHECKS, compareFindings, runChecks } from '../checks/index';
import { WorkspaceIndex } from '../workspace/index';
import { parseArgs, USAGE, type CheckCommand } from './args';
import { collectReleases } from './collect';
import { toJson, toText, type CheckedDocument, type SkippedPath } from './report';
import { ConfigFiles, readTextFromDisk } from '../workspace/configFiles';
import { describeError } from '../workspace/readRelease';
import { describeProblem } from '../config/model';
import { fileVerdict, type ResolvedConfig } from '../config/resolve';
import { analyseFile, WORKSPACE_CHECKS, type FileResult } from './analyseFile';
import { analyseInWorkers } from './pool';


/** Below this many files, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

/**
 * The command line on one thread (what tests call): the same output as `run` for any `--jobs`.
 */
export function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void, isTty = false): number {
  const parsed = parseArgs(argv, isTty);
  if (parsed.command !== 'check') return answer(parsed, out, err);
  const prepared = prepare(parsed, err);
  if (typeof prepared === 'number') return prepared;
  return finish(parsed, prepared, prepared.files.map((path) => analyseFile(path, prepared.configs)), out, err);
}

/**
 * Threads by default. Each result crosses from its worker as a copy of its whole analysis, and the
 * cross-release checks run on the main thread after all are in: on two cores the copies cost more
 * than the second core gives (10,000 generated releases: 32.9 s with two workers, 29.7 s on one
 * thread), so two cores or fewer work on one thread.
 */
export function defaultJobs(cores: number): number {
  return cores > 2 ? cores : 1;
}

/**
 * The command line as `dist/cli.js` runs it: releases are read, analysed and given their document
 * checks in worker threads (`--jobs`; by default one per core on machines with more than two) when
 * there are enough of them; the output is byte for byte the single-threaded one.
 */
export async function run(argv: readonly string[], out: (text: string) => void, err: (text: string) => void, isTty = false): Promise<number> {
  const parsed = parseArgs(argv, isTty);
  if (parsed.command !== 'check') return answer(parsed, out, err);
  const prepared = prepare(parsed, err);
  if (typeof prepared === 'number') return prepared;
  const jobs = parsed.jobs ?? defaultJobs(availableParallelism());
  const { files, configs } = prepared;
  const configPath = parsed.config === undefined ? undefined : resolve(parsed.config);
  const results: (FileResult | undefined)[] = jobs > 1 && files.length >= MIN_FILES_FOR_WORKERS ? await analyseInWorkers(files, jobs, configPath) : [];
  // Files no worker answered for (one thread, few files, or a worker that died) are done here.
  const complete = files.map((path, i) => results[i] ?? analyseFile(path, configs));
  return finish(parsed, prepared, complete, out, err);
}

function answer(parsed: Exclude<ReturnType<typeof parseArgs>, CheckCommand>, out: (text: string) => void, err: (text: string) => void): number {
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
  }
}

interface Prepared {
  readonly configs: ConfigFiles;
  readonly files: readonly string[];
  readonly unreadable: readonly { path: string; reason: string }[];
}

/** Finds the files and reads the configuration; an exit code when a broken configuration stops the run. */
function prepare(command: CheckCommand, err: (text: string) => void): Prepared | number {
  const explicit = command.config === undefined ? undefined : resolve(command.config);
  if (explicit !== undefined) {
    // Read once here for the reason it cannot be read; ConfigFiles only knows that it cannot.
    try {
      readFileSync(explicit);
    } catch (error) {
      err(`communique: cannot read the configuration file ${command.config}: ${describeError(error)}`);
      return 2;
    }
  }
  const configs = new ConfigFiles(readTextFromDisk, explicit);
  const verdict = (path: string): 'include' | 'exclude' | null => fileVerdict(path.replace(/\\/g, '/'), configs.configFor(path).files);
  const { files, unreadable } = collectReleases(command.paths, command.files, verdict);
  // A broken configuration file stops the run: its findings would not be the office's. A warning (a
  // party the file names that no folder knows) is printed, and the run goes on.
  const applying = new Set<string>(explicit !== undefined ? [explicit] : []);
  for (const path of files) for (const file of configs.filesFor(resolve(path))) applying.add(file.path);
  let broken = false;
  for (const configPath of applying) {
    for (const problem of configs.problemsOf(configPath)) {
      err(`communique: ${describeProblem(configPath, problem)}`);
      if (problem.severity === 'error') broken = true;
    }
  }
  if (broken) return 2;
  return { configs, files, unreadable };
}

/** Indexes every release, runs the workspace checks, and prints the report: always on the main thread, in file order. */
function finish(command: CheckCommand, { configs, files, unreadable }: Prepared, results: readonly FileResult[], out: (text: string) => void, err: (text: string) => void): number {
  const documents: CheckedDocument[] = [];
  const skipped: SkippedPath[] = [];
  let readFailures = unreadable.length;
  for (const { path, reason } of unreadable) err(`communique: cannot read ${path}: ${reason}`);
  const pathByUri = new Map<string, string>();
  // Every release is indexed before any is checked: a finding may need a release read later.
  const index = new WorkspaceIndex(ALL_CHECKS);
  const loaded: { path: string; uri: string; result: Extract<FileResult, { ok: true }>; checks: ResolvedConfig['checks'] }[] = [];
  files.forEach((path, i) => {
    const read = results[i]!;
    if (!read.ok) {
      if (read.error) {
        readFailures++;
        err(`communique: cannot read ${path}: ${read.reason}`);
      } else {
        err(`communique: ${path}: ${read.reason}`);
      }
      skipped.push({ path, reason: read.reason });
      return;
    }
    const { uri } = read;
    pathByUri.set(uri, path);
    const config = configs.configFor(resolve(path));
    // Quiet: every release is checked once all are loaded.
    index.set({ uri, text: read.text, analysis: read.analysis, config: config.release }, 0, true);
    loaded.push({ path, uri, result: read, checks: config.checks });
  });
  for (const { path, uri, result, checks } of loaded) {
    const release = index.release(uri)!;
    const workspace = runChecks(release, index, WORKSPACE_CHECKS, checks);
    // The document checks ran with the analysis; merged in runChecks' order, the findings are the ones
    // runChecks(release, index, ALL_CHECKS) gives (the sort is stable and one check has one code).
    const findings = [...result.findings, ...workspace.findings].sort(compareFindings);
    const failures = [...result.failures, ...workspace.failures];
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

if (require.main === module && isMainThread) {
  void run(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
    Boolean(process.stdout.isTTY),
  ).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`communique: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

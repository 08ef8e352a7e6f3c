// `communique check PATHS…`: the same analysis as the editor, over files and folders, for CI.

import { readFileSync } from 'node:fs';
import { VERSION } from '../version';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { SEVERITY_RANK } from '../checks/finding';
import { parseArgs, USAGE, type CheckCommand } from './args';
import { collectReleases } from './collect';
import { ReportStream, type SkippedPath } from './report';
import { ConfigFiles, readTextFromDisk } from '../workspace/configFiles';
import { describeError } from '../workspace/readRelease';
import { describeProblem } from '../config/model';
import { fileVerdict } from '../config/resolve';
import { WorkerPool } from './pool';
import { Shard, type Analysed, type Reported } from './shard';

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
  // Tests read the report whole, as `out` gets every other answer: one text, its line break added by `out`.
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const printer = new Printer(parsed, prepared, (chunk) => chunks.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk)), err);
  checkHere(parsed, prepared, printer, 0);
  const code = printer.finish();
  out(chunks.join('').slice(0, -1));
  return code;
}

/** Analyses every file on this thread, and prints the reports of those from file `from` on. */
function checkHere(command: CheckCommand, { files, configs }: Prepared, printer: Printer, from: number): void {
  const shard = new Shard(files, configs);
  const analysed = files.map((_, index) => shard.analyse(index));
  shard.assign();
  if (!printer.started) printer.analysed(analysed);
  for (const index of printer.checked) if (index >= from) printer.print(shard.report(index, command));
}

/**
 * Threads by default: one per core on machines with more than two. On two cores, two worker threads
 * took about 1.6 times the CPU of one thread, for about the same time (10,000 generated releases,
 * nearly idle machine: text 17.7 s against 18.9 s, JSON 20.7 s against 19.5 s; slower whenever other
 * processes used a core): each worker compiles the code again, and decodes and tokenizes again the
 * releases of its groups another worker analysed, while one thread leaves V8's compiling and
 * collecting to the other core. So two cores or fewer work on one thread.
 */
export function defaultJobs(cores: number): number {
  return cores > 2 ? cores : 1;
}

/**
 * The command line as `dist/cli.js` runs it: releases are read, analysed and checked in worker
 * threads (`--jobs`; by default one per core on machines with more than two) when there are enough
 * of them; the output is byte for byte the single-threaded one. `out` prints a line, `write` prints
 * the report as it comes.
 */
export async function run(
  argv: readonly string[],
  out: (text: string) => void,
  write: (chunk: string | Uint8Array) => void,
  err: (text: string) => void,
  isTty = false,
): Promise<number> {
  const parsed = parseArgs(argv, isTty);
  if (parsed.command !== 'check') return answer(parsed, out, err);
  const prepared = prepare(parsed, err);
  if (typeof prepared === 'number') return prepared;
  const jobs = parsed.jobs ?? defaultJobs(availableParallelism());
  const { files } = prepared;
  const printer = new Printer(parsed, prepared, write, err);
  if (jobs <= 1 || files.length < MIN_FILES_FOR_WORKERS) {
    checkHere(parsed, prepared, printer, 0);
    return printer.finish();
  }
  const configPath = parsed.config === undefined ? undefined : resolve(parsed.config);
  const pool = new WorkerPool(files, jobs, parsed.format, parsed.color, configPath);
  let from = 0;
  try {
    const analysed = await pool.analyse();
    if (analysed) {
      printer.analysed(analysed);
      from = await pool.report((_, reported) => printer.print(reported));
    }
  } finally {
    await pool.close();
  }
  // What no worker finished (one failed) is done here, from the first file not printed on.
  if (from < files.length) checkHere(parsed, prepared, printer, from);
  return printer.finish();
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

/**
 * What the run prints: the files that could not be read (once all are analysed), then each release's
 * part of the report in file order, then the summary; and the exit code.
 */
class Printer {
  private readonly stream: ReportStream;
  private readonly skipped: SkippedPath[] = [];
  private readFailures: number;
  /** The files analysed, whose reports are printed, in file order. */
  readonly checked: number[] = [];
  /** Whether the files' analyses are in (and their read failures printed). */
  started = false;
  private readonly files: readonly string[];

  constructor(
    private readonly command: CheckCommand,
    { files, unreadable }: Prepared,
    write: (chunk: string | Uint8Array) => void,
    private readonly err: (text: string) => void,
  ) {
    this.files = files;
    this.readFailures = unreadable.length;
    for (const { path, reason } of unreadable) err(`communique: cannot read ${path}: ${reason}`);
    this.stream = new ReportStream(command, VERSION, write);
  }

  analysed(results: readonly Analysed[]): void {
    this.started = true;
    results.forEach((result, index) => {
      if (result.ok) {
        this.checked.push(index);
        return;
      }
      const path = this.files[index]!;
      if (result.error) {
        this.readFailures++;
        this.err(`communique: cannot read ${path}: ${result.reason}`);
      } else {
        this.err(`communique: ${path}: ${result.reason}`);
      }
      this.skipped.push({ path, reason: result.reason });
    });
  }

  print({ report, failures }: Reported): void {
    for (const failure of failures) this.err(`communique: ${failure}`);
    this.stream.document(report);
  }

  finish(): number {
    this.stream.finish(this.skipped);
    if (this.readFailures > 0) return 2;
    if (this.command.failOn === 'none') return 0;
    return this.stream.worst <= SEVERITY_RANK[this.command.failOn] ? 1 : 0;
  }
}

if (require.main === module && isMainThread) {
  // A reader that stops reading (`communique check … | head`) ends the run as it would end `cat`:
  // quietly, with the status of a process stopped by SIGPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(128 + 13);
  });
  void run(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (chunk) => process.stdout.write(chunk),
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

// Worker threads for the command line. Files are handed out in small batches; each worker analyses
// its batches (`Shard.analyse`) and puts the releases into shared memory, and the main thread passes
// them on to every other worker, so each holds every release: its own as analysed, the others' as
// their peers (sharedReleases.ts). Once every release is filed, each worker runs the workspace
// checks of its own releases and makes their parts of the report, asked for in file order, a few
// batches ahead of what is printed; the main thread prints them in that order, whatever thread
// finished first. Nothing but the parts of the report and the keys crosses as copies.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigFiles } from '../workspace/configFiles';
import type { OutputFormat } from './args';
import { Shard, type Analysed, type Reported } from './shard';
import { sharedRelease, shareReleases, type SharedBlock } from './sharedReleases';

const WORKER_FLAG = 'communiqueCliWorker';
/** Files per batch: large enough to amortise messaging, small enough to balance the threads. */
const BATCH = 8;
/** Batches handed to a worker before it answers the first: it never waits for the next. */
const AHEAD = 2;
/** Batches of report asked for beyond the last printed: what the main thread may hold, per worker. */
const REPORT_WINDOW = 8;

interface WorkerSetup {
  readonly [WORKER_FLAG]: true;
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly color: boolean;
}

/** Main thread → worker. */
type Request =
  | { readonly kind: 'analyse'; readonly start: number; readonly end: number }
  | { readonly kind: 'peers'; readonly start: number; readonly keys: readonly (readonly string[] | null)[]; readonly block: SharedBlock }
  | { readonly kind: 'report'; readonly start: number; readonly end: number };

/** Worker → main thread. */
type Answer =
  | {
      readonly kind: 'analysed';
      readonly start: number;
      readonly results: readonly Analysed[];
      /** Per file, the keys of a release, null for a file not read. */
      readonly keys: readonly (readonly string[] | null)[];
      readonly block: SharedBlock;
    }
  | { readonly kind: 'reported'; readonly start: number; readonly reports: readonly (Reported | null)[] };

/**
 * The run's workers. `analyse` first, then `report`; a worker that fails ends the pool's part
 * (each step says how far it got) and the caller does the rest on its own thread.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly batches: { start: number; end: number; owner: number }[] = [];
  private failed = false;
  /** Set before the workers are ended on purpose: their exits are no failure then. */
  private closing = false;
  private onAnswer: (worker: number, answer: Answer) => void = () => undefined;
  private onFailure: () => void = () => undefined;

  constructor(
    private readonly paths: readonly string[],
    jobs: number,
    format: OutputFormat,
    color: boolean,
  ) {
    const threads = Math.max(1, Math.min(jobs, Math.ceil(paths.length / BATCH)));
    const setup: WorkerSetup = { [WORKER_FLAG]: true, paths, format, color };
    // This module is bundled into dist/cli.js (compiled to out/…/pool.js for tests); either file
    // starts the worker loop below when loaded with the flag.
    this.workers = Array.from({ length: threads }, (_, w) => {
      const worker = new Worker(__filename, { workerData: setup });
      worker.on('message', (answer: Answer) => this.onAnswer(w, answer));
      worker.on('error', () => undefined); // the exit below follows
      worker.on('exit', () => {
        if (this.closing) return;
        this.failed = true;
        this.onFailure();
      });
      return worker;
    });
  }

  /** Analyses every file; undefined when a worker failed before all were done. */
  analyse(): Promise<Analysed[] | undefined> {
    const results: Analysed[] = new Array<Analysed>(this.paths.length);
    let next = 0;
    let pending = 0;
    return new Promise((done) => {
      const feed = (w: number): void => {
        if (next >= this.paths.length) return;
        const batch = { start: next, end: Math.min(this.paths.length, next + BATCH), owner: w };
        next = batch.end;
        this.batches.push(batch);
        pending++;
        this.workers[w]!.postMessage({ kind: 'analyse', start: batch.start, end: batch.end } satisfies Request);
      };
      this.onFailure = () => done(undefined);
      this.onAnswer = (w, answer) => {
        if (answer.kind !== 'analysed') return;
        answer.results.forEach((result, i) => (results[answer.start + i] = result));
        const peers: Request = { kind: 'peers', start: answer.start, keys: answer.keys, block: answer.block };
        this.workers.forEach((worker, other) => other !== w && worker.postMessage(peers));
        pending--;
        feed(w);
        if (pending === 0 && next >= this.paths.length) done(results);
      };
      for (let round = 0; round < AHEAD; round++) for (let w = 0; w < this.workers.length; w++) feed(w);
      if (this.failed) done(undefined);
    });
  }

  /**
   * Asks the owners of the analysed files for their parts of the report, in file order; `print`
   * gets each in that order. Resolves to the index of the first file whose part was not printed:
   * the number of files unless a worker failed.
   */
  report(print: (index: number, reported: Reported) => void): Promise<number> {
    this.batches.sort((a, b) => a.start - b.start);
    const answers = new Map<number, readonly (Reported | null)[]>();
    let asked = 0;
    let printed = 0;
    const window = REPORT_WINDOW * this.workers.length;
    return new Promise((done) => {
      const ask = (): void => {
        while (asked < this.batches.length && asked - printed < window) {
          const { start, end, owner } = this.batches[asked++]!;
          this.workers[owner]!.postMessage({ kind: 'report', start, end } satisfies Request);
        }
      };
      this.onFailure = () => done(this.batches[printed]?.start ?? this.paths.length);
      this.onAnswer = (_, answer) => {
        if (answer.kind !== 'reported') return;
        answers.set(answer.start, answer.reports);
        for (let batch = this.batches[printed]; batch && answers.has(batch.start); batch = this.batches[printed]) {
          answers.get(batch.start)!.forEach((reported, i) => reported && print(batch!.start + i, reported));
          answers.delete(batch.start);
          printed++;
        }
        if (printed === this.batches.length) done(this.paths.length);
        else ask();
      };
      ask();
      if (this.failed) this.onFailure();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function runWorker({ paths, format, color }: WorkerSetup): void {
  const shard = new Shard(paths, new ConfigFiles());
  parentPort!.on('message', (request: Request) => {
    switch (request.kind) {
      case 'analyse': {
        const results: Analysed[] = [];
        const keys: (readonly string[] | null)[] = [];
        const releases = [];
        for (let index = request.start; index < request.end; index++) {
          const result = shard.analyse(index);
          results.push(result.ok ? { ok: true } : { ok: false, reason: result.reason, error: result.error });
          keys.push(result.ok ? result.keys : null);
          if (result.ok) releases.push(result.release);
        }
        const answer: Answer = { kind: 'analysed', start: request.start, results, keys, block: shareReleases(releases) };
        parentPort!.postMessage(answer);
        break;
      }
      case 'peers': {
        let n = 0;
        request.keys.forEach((keys, i) => {
          if (keys === null) return;
          const index = request.start + i;
          const { uri, config } = shard.identify(index);
          shard.addPeer(index, sharedRelease(request.block, n++, uri, config), keys);
        });
        break;
      }
      case 'report': {
        const reports: (Reported | null)[] = [];
        for (let index = request.start; index < request.end; index++) reports.push(shard.owns(index) ? shard.report(index, { format, color }) : null);
        parentPort!.postMessage({ kind: 'reported', start: request.start, reports } satisfies Answer);
        break;
      }
    }
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) runWorker(workerData as WorkerSetup);

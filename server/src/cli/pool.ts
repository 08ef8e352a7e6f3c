// Worker threads for the command line. Files are handed out in small batches; each worker analyses
// its batches (`Shard.analyse`) and puts the releases into shared memory, which the main thread
// passes on to every other worker. Once every release is in, the main thread splits the releases
// among the workers by the keys that tie them (partition.ts), so that the peers a worker reads are
// mostly releases it checks too (the split does not know which worker analysed which release: most
// of a worker's releases come to it from the shared memory), and asks each for its releases' parts
// of the report in file
// order, a few windows of files ahead of what is printed; it prints them in that order, whatever
// thread finished first. Only the keys and a few numbers are copied.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigFiles, readTextFromDisk } from '../workspace/configFiles';
import type { OutputFormat } from './args';
import { partitionByKeys } from './partition';
import { Shard, type Analysed, type Reported } from './shard';
import type { SharedBlock } from './sharedReleases';

const WORKER_FLAG = 'communiqueCliWorker';
/** Files per batch: large enough to amortise messaging, small enough to balance the threads. */
const BATCH = 8;
/** Batches handed to a worker before it answers the first: it never waits for the next. */
const AHEAD = 2;
/** Files per window of the report: each worker is asked for its releases among them at once. */
const WINDOW = 32;
/** Windows asked for beyond the last printed: what the main thread may hold of the report. */
const WINDOWS_AHEAD = 8;

interface WorkerSetup {
  readonly [WORKER_FLAG]: true;
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly color: boolean;
  /** The `--config` file, which every worker applies as the main thread does. */
  readonly configPath: string | undefined;
}

/** Per file of a batch: the keys of its release, null for a file not read. */
type BatchKeys = readonly (readonly string[] | null)[];

/** Main thread → worker. */
type Request =
  | { readonly kind: 'analyse'; readonly start: number; readonly end: number }
  | { readonly kind: 'peers'; readonly start: number; readonly keys: BatchKeys; readonly block: SharedBlock }
  | { readonly kind: 'assign'; readonly indices: readonly number[] }
  | { readonly kind: 'report'; readonly window: number; readonly indices: readonly number[] };

/** Worker → main thread. */
type Answer =
  | { readonly kind: 'analysed'; readonly start: number; readonly results: readonly Analysed[]; readonly keys: BatchKeys; readonly block: SharedBlock }
  | { readonly kind: 'reported'; readonly window: number; readonly indices: readonly number[]; readonly reports: readonly Reported[] };

/**
 * The run's workers. `analyse` first, then `report`; a worker that fails ends the pool's part
 * (each step says how far it got) and the caller does the rest on its own thread.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  /** Per file, the keys of its release (null: not read), until the releases are split among the workers. */
  private keys: (readonly string[] | null)[] = [];
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
    configPath?: string,
  ) {
    const threads = Math.max(1, Math.min(jobs, Math.ceil(paths.length / BATCH)));
    const setup: WorkerSetup = { [WORKER_FLAG]: true, paths, format, color, configPath };
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
    this.keys = new Array<readonly string[] | null>(this.paths.length).fill(null);
    let next = 0;
    let pending = 0;
    return new Promise((done) => {
      const feed = (w: number): void => {
        if (next >= this.paths.length) return;
        const start = next;
        next = Math.min(this.paths.length, next + BATCH);
        pending++;
        this.workers[w]!.postMessage({ kind: 'analyse', start, end: next } satisfies Request);
      };
      this.onFailure = () => done(undefined);
      this.onAnswer = (w, answer) => {
        if (answer.kind !== 'analysed') return;
        answer.results.forEach((result, i) => (results[answer.start + i] = result));
        answer.keys.forEach((keys, i) => (this.keys[answer.start + i] = keys));
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
   * Splits the analysed releases among the workers and asks each for its releases' parts of the
   * report, in file order; `print` gets each in that order. Resolves to the index of the first file
   * whose part was not printed: the number of files unless a worker failed.
   */
  report(print: (index: number, reported: Reported) => void): Promise<number> {
    const checkedBy = new Array<number>(this.paths.length).fill(-1);
    partitionByKeys(this.keys, this.workers.length).forEach((indices, w) => {
      for (const index of indices) checkedBy[index] = w;
      this.workers[w]!.postMessage({ kind: 'assign', indices } satisfies Request);
    });
    this.keys = [];
    const windows = Math.ceil(this.paths.length / WINDOW);
    /** Per window asked for: the parts in, by file, and how many workers have yet to answer. */
    const asked = new Map<number, { parts: Map<number, Reported>; waiting: number }>();
    let nextWindow = 0;
    let printed = 0;
    return new Promise((done) => {
      const ask = (): void => {
        for (; nextWindow < windows && nextWindow - printed < WINDOWS_AHEAD; nextWindow++) {
          const byWorker = this.workers.map((): number[] => []);
          for (let index = nextWindow * WINDOW; index < Math.min(this.paths.length, (nextWindow + 1) * WINDOW); index++) {
            if (checkedBy[index]! >= 0) byWorker[checkedBy[index]!]!.push(index);
          }
          const entry = { parts: new Map<number, Reported>(), waiting: 0 };
          asked.set(nextWindow, entry);
          byWorker.forEach((indices, w) => {
            if (indices.length === 0) return;
            entry.waiting++;
            this.workers[w]!.postMessage({ kind: 'report', window: nextWindow, indices } satisfies Request);
          });
        }
      };
      /** Prints the windows complete at the front; true when it printed any. */
      const flush = (): boolean => {
        const before = printed;
        for (let entry = asked.get(printed); entry && entry.waiting === 0; entry = asked.get(printed)) {
          for (const index of [...entry.parts.keys()].sort((a, b) => a - b)) print(index, entry.parts.get(index)!);
          asked.delete(printed++);
        }
        return printed > before;
      };
      const step = (): void => {
        do ask();
        while (flush()); // a window may hold no release to check
        if (printed === windows) done(this.paths.length);
      };
      this.onFailure = () => done(Math.min(this.paths.length, printed * WINDOW));
      this.onAnswer = (_, answer) => {
        if (answer.kind !== 'reported') return;
        const entry = asked.get(answer.window)!;
        answer.indices.forEach((index, i) => entry.parts.set(index, answer.reports[i]!));
        entry.waiting--;
        step();
      };
      step();
      if (this.failed) this.onFailure();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function runWorker({ paths, format, color, configPath }: WorkerSetup): void {
  const shard = new Shard(paths, new ConfigFiles(readTextFromDisk, configPath)); // the same files as the main thread's
  const encoder = new TextEncoder();
  parentPort!.on('message', (request: Request) => {
    switch (request.kind) {
      case 'analyse': {
        const results: Analysed[] = [];
        const keys: (readonly string[] | null)[] = [];
        const read: number[] = [];
        for (let index = request.start; index < request.end; index++) {
          const result = shard.analyse(index);
          if (result.ok) {
            results.push({ ok: true });
            keys.push(result.keys);
            read.push(index);
          } else {
            results.push({ ok: false, reason: result.reason, error: result.error });
            keys.push(null);
          }
        }
        parentPort!.postMessage({ kind: 'analysed', start: request.start, results, keys, block: shard.share(read) } satisfies Answer);
        break;
      }
      case 'peers': {
        let at = 0;
        request.keys.forEach((keys, i) => keys !== null && shard.addPeer(request.start + i, request.block, at++, keys));
        break;
      }
      case 'assign':
        shard.assign(request.indices);
        break;
      case 'report': {
        // As UTF-8 in buffers of their own, handed over rather than copied, which the main thread prints as they are.
        const reports = request.indices.map((index): Reported => {
          const { report, failures } = shard.report(index, { format, color });
          return { report: { ...report, part: typeof report.part === 'string' ? encoder.encode(report.part) : report.part }, failures };
        });
        const buffers = reports.map((reported) => (reported.report.part as Uint8Array).buffer as ArrayBuffer);
        parentPort!.postMessage({ kind: 'reported', window: request.window, indices: request.indices, reports } satisfies Answer, buffers);
        break;
      }
    }
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) runWorker(workerData as WorkerSetup);

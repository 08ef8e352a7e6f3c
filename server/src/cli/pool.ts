// Worker threads for the command line: the files are handed out in small batches to one worker per
// job, each runs `analyseFile`, and the results come back by index, so the output keeps the order
// of the files whatever thread finished first. A worker that dies leaves its files to the caller.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigFiles, readTextFromDisk } from '../workspace/configFiles';
import { analyseFile, type FileResult } from './analyseFile';

const WORKER_FLAG = 'communiqueCliWorker';
/** Files per message: large enough to amortise messaging, small enough to balance the threads. */
const BATCH = 8;

interface Batch {
  readonly start: number;
  readonly paths: readonly string[];
}

interface BatchResult {
  readonly start: number;
  readonly results: readonly FileResult[];
}

/**
 * Runs `analyseFile` over `paths` in `jobs` worker threads. Entries are undefined for files whose
 * worker failed (the caller analyses those itself, and so meets the same error the same way).
 * `configPath`: the `--config` file, which every worker applies as the main thread does.
 */
export async function analyseInWorkers(paths: readonly string[], jobs: number, configPath?: string): Promise<(FileResult | undefined)[]> {
  const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(paths.length).fill(undefined);
  let next = 0;
  const threads = Math.max(1, Math.min(jobs, Math.ceil(paths.length / BATCH)));
  await Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<void>((done) => {
        // This module is bundled into dist/cli.js (compiled to out/…/pool.js for tests); either file
        // starts the worker loop below when loaded with the flag.
        const worker = new Worker(__filename, { workerData: { [WORKER_FLAG]: true, configPath } });
        const feed = (): void => {
          if (next >= paths.length) {
            worker.postMessage(null);
            return;
          }
          const batch: Batch = { start: next, paths: paths.slice(next, next + BATCH) };
          next += batch.paths.length;
          worker.postMessage(batch);
        };
        worker.on('message', (message: BatchResult) => {
          message.results.forEach((result, i) => (results[message.start + i] = result));
          feed();
        });
        worker.on('error', () => undefined); // its files stay undefined; the exit below ends the wait
        worker.on('exit', () => done());
        feed();
      }),
    ),
  );
  return results;
}

function runWorker(configPath: string | undefined): void {
  const configs = new ConfigFiles(readTextFromDisk, configPath); // the same files as the main thread's
  parentPort!.on('message', (batch: Batch | null) => {
    if (batch === null) {
      parentPort!.close();
      return;
    }
    const results = batch.paths.map((path) => analyseFile(path, configs));
    parentPort!.postMessage({ start: batch.start, results } satisfies BatchResult);
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  const { configPath } = workerData as { configPath?: string };
  runWorker(configPath);
}

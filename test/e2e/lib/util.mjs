// Small helpers shared by the harness: paths, logging, polling with a deadline (never a fixed
// sleep), free ports, child processes that are cleaned up even when the run fails.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, closeSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';

export const E2E_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = resolve(E2E_DIR, '..', '..');
export const WORK_DIR = join(E2E_DIR, '.work');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

/** Progress goes to standard error: a caller's standard output (the benchmark's table) keeps only its results. */
export function log(message) {
  console.error(`[e2e] ${message}`);
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function sha256(...parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

export function readText(path) {
  return readFileSync(path, 'utf8');
}

export function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function tail(path, lines = 40) {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
}

/**
 * Calls `probe` until it returns a truthy value or the deadline passes. `probe` may throw: the
 * last error is put into the timeout message.
 */
export async function poll(probe, { timeout, interval = 200, what }) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      if (error?.fatal) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError ? ` (last error: ${lastError.message ?? lastError})` : '';
      throw new Error(`timed out after ${seconds(timeout)} waiting for ${what}${reason}`);
    }
    await delay(interval);
  }
}

/** Rejects with `message` when `promise` does not settle within `timeout` ms. */
export async function withTimeout(promise, timeout, message) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeout);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

// Everything the harness starts is registered here, so that a failure, an exception or Ctrl-C
// still stops it. Process groups are killed by their id only.
const cleanups = new Set();
const groups = new Set();

export function onCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export async function cleanupAll() {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      await fn();
    } catch (error) {
      console.error(`[e2e] cleanup failed: ${error.message ?? error}`);
    }
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

process.on('exit', () => {
  // Last resort, synchronous: nothing we started may outlive the harness.
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});
let interrupted = false;
export function isInterrupted() {
  return interrupted;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[e2e] ${signal}: stopping everything the harness started`);
    cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

/**
 * Starts a child in its own process group with its output appended to `logFile`. Returns
 * `{ child, exited, stop }`; `stop()` sends SIGTERM to the group, waits for it to go, then SIGKILL.
 */
export function startProcess(command, args, { env, cwd, logFile }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  groups.add(child.pid);
  let exitInfo;
  const exited = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolveExit(exitInfo);
    });
  });
  const stop = async () => {
    if (!groupAlive(child.pid)) {
      groups.delete(child.pid);
      return;
    }
    killGroup(child.pid, 'SIGTERM');
    try {
      await poll(() => !groupAlive(child.pid), { timeout: 5000, interval: 100, what: `process group ${child.pid} to stop` });
    } catch {
      killGroup(child.pid, 'SIGKILL');
      await poll(() => !groupAlive(child.pid), { timeout: 5000, interval: 100, what: `process group ${child.pid} to be killed` }).catch(() => {});
    }
    groups.delete(child.pid);
  };
  onCleanup(stop);
  return { child, exited, stop, exitInfo: () => exitInfo };
}

/** Runs a command to completion with its output appended to `logFile`; resolves to the exit code. */
export function runLogged(command, args, { env, cwd, logFile }) {
  const { exited } = startProcess(command, args, { env, cwd, logFile });
  return exited.then(({ code, signal }) => (code ?? (signal ? 128 : 1)));
}

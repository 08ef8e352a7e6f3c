// Starts code-server (VS Code's server and web workbench, from the npm registry) quietly and
// offline: bound to 127.0.0.1 on a free port, no auth, no telemetry, no update check, no gallery,
// fresh user-data and extensions folders, XDG folders and TMPDIR inside the run's work folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY } from './install.mjs';
import { WORK_DIR, freePort, log, onCleanup, poll, seconds, startProcess, tail } from './util.mjs';

export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
};

/**
 * Prepares a fresh run folder: `<dir>/{data,ext,xdg-config,xdg-data,xdg-cache}` plus a short
 * TMPDIR for VS Code's Unix sockets. Socket paths are limited to ~107 bytes: code-server puts one
 * into the user-data folder and VS Code more into TMPDIR, so when the checkout's path is long the
 * run goes to a private folder under the system temp folder instead (and says so).
 */
export function prepareRun(stage, settings = {}) {
  // One folder per stage and process, so that two runs in the same checkout (two engineers, or
  // an editor and a terminal) never share a user-data folder; folders of finished runs are pruned.
  pruneRuns();
  const wanted = join(WORK_DIR, `${stage}-${process.pid}`);
  let dir = wanted;
  if (join(dir, 'data', 'code-server-ipc.sock').length > 100) {
    dir = mkdtempSync(join(tmpdir(), 'cq-run-'));
    log(`${wanted} is too long for Unix socket paths: this run uses ${dir}`);
  }
  rmSync(dir, { recursive: true, force: true });
  const paths = {
    dir,
    userDataDir: join(dir, 'data'),
    extensionsDir: join(dir, 'ext'),
    logFile: join(dir, 'code-server.log'),
  };
  let tmp = join(dir, 't');
  if (tmp.length > 50) {
    tmp = mkdtempSync(join(tmpdir(), 'cq-'));
    onCleanup(() => rmSync(tmp, { recursive: true, force: true }));
  }
  paths.tmp = tmp;
  for (const sub of ['data/User', 'ext', 'xdg-config', 'xdg-data', 'xdg-cache']) mkdirSync(join(dir, sub), { recursive: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(paths.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  paths.env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    XDG_RUNTIME_DIR: tmp,
    TMPDIR: tmp,
    VSCODE_CLI_DISABLE_KEYCHAIN_ENCRYPT: '1',
  };
  // A password or a forced browser from the caller's environment must not leak in.
  delete paths.env.PASSWORD;
  delete paths.env.HASHED_PASSWORD;
  delete paths.env.BROWSER;
  return paths;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function pruneRuns() {
  let names = [];
  try {
    names = readdirSync(WORK_DIR);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(?:exthost|ui)-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !pidAlive(pid)) rmSync(join(WORK_DIR, name), { recursive: true, force: true });
  }
}

function dirArgs(run) {
  return ['--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir];
}

/** `code-server --install-extension <vsix>` into the run's extensions folder. */
export function installExtension(run, vsix) {
  const result = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...dirArgs(run), '--install-extension', vsix], {
    env: run.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return output;
}

/** Starts code-server and resolves once GET /healthz answers. Returns `{ port, base, stop }`. */
export async function startCodeServer(run, { timeout = 60_000 } = {}) {
  const started = Date.now();
  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...dirArgs(run),
  ];
  const server = startProcess(process.execPath, args, { env: run.env, cwd: run.dir, logFile: run.logFile });
  const base = `http://127.0.0.1:${port}`;
  try {
    await poll(
      async () => {
        const exit = server.exitInfo();
        if (exit) throw Object.assign(new Error(`code-server exited early (${JSON.stringify(exit)})`), { fatal: true });
        const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
        return response.ok;
      },
      { timeout, interval: 150, what: `code-server to answer ${base}/healthz` },
    );
  } catch (error) {
    await server.stop();
    throw new Error(`${error.message}\nLast lines of ${run.logFile}:\n${tail(run.logFile, 30)}`);
  }
  log(`code-server is up on ${base} after ${seconds(Date.now() - started)} (pid ${server.child.pid}, log ${run.logFile})`);
  return { port, base, stop: server.stop, pid: server.child.pid };
}

// Makes sure the harness is installed, idempotently and without any download but the npm registry
// and Debian's archive:
//   - Debian packages: chromium (the browser Playwright drives), and, only when an npm install is
//     needed, ripgrep (stands in for @vscode/ripgrep's GitHub download) and libkrb5-dev (headers
//     for code-server's native kerberos module). Installed with apt-get when running as root,
//     otherwise the run stops and says what to install.
//   - `npm ci` in test/e2e/ (code-server + playwright-core), only when node_modules is missing or
//     was installed from another lockfile / Node major version (a stamp file records both).
// See /work/shared/notes/real-vscode-tests.md for the pitfalls each step works around.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DIR, WORK_DIR, isFile, log, runLogged, seconds, sha256, tail } from './util.mjs';

const NODE_MODULES = join(E2E_DIR, 'node_modules');
const STAMP = join(NODE_MODULES, '.communique-e2e-install.json');
const LOCKFILE = join(E2E_DIR, 'package-lock.json');
export const CODE_SERVER_ENTRY = join(NODE_MODULES, 'code-server', 'out', 'node', 'entry.js');
const BUNDLED_RG = join(NODE_MODULES, 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
const PLAYWRIGHT = join(NODE_MODULES, 'playwright-core', 'package.json');

export function chromiumPath() {
  return process.env.COMMUNIQUE_E2E_CHROMIUM || '/usr/bin/chromium';
}

function dpkgInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs the Debian packages that are missing; `checks` maps a package to "is it there?". */
function ensureDebianPackages(checks) {
  const missing = Object.entries(checks)
    .filter(([pkg, present]) => !present() && !dpkgInstalled(pkg))
    .map(([pkg]) => pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    throw new Error(
      `the test harness needs these Debian packages, which are not installed: ${missing.join(', ')}.\n` +
        `Install them (as root) with:  apt-get update && apt-get install -y ${missing.join(' ')}` +
        (missing.includes('chromium') ? '\n(or point COMMUNIQUE_E2E_CHROMIUM at another Chromium binary)' : ''),
    );
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

function expectedStamp() {
  return {
    lockfile: sha256(readFileSync(LOCKFILE), readFileSync(join(E2E_DIR, 'package.json'))),
    node: process.versions.node.split('.')[0],
    platform: `${process.platform}-${process.arch}`,
  };
}

function installIsCurrent() {
  if (!isFile(STAMP) || !isFile(CODE_SERVER_ENTRY) || !isFile(BUNDLED_RG) || !isFile(PLAYWRIGHT)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    const expected = expectedStamp();
    return Object.keys(expected).every((key) => stamp[key] === expected[key]);
  } catch {
    return false;
  }
}

function lockedVersion(name) {
  const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8'));
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry?.version) throw new Error(`${name} is not in ${LOCKFILE}`);
  return entry.version;
}

/** Fetches one file out of a package's tarball through npm (and its cache). */
function fileFromPackage(spec, file, scratch) {
  mkdirSync(scratch, { recursive: true });
  const packed = spawnSync('npm', ['pack', spec, '--pack-destination', scratch, '--json'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`npm pack ${spec} failed:\n${packed.stderr}`);
  const [{ filename }] = JSON.parse(packed.stdout);
  const tarball = join(scratch, filename.replace(/^@/, '').replace(/\//g, '-'));
  const candidates = [tarball, join(scratch, filename)].filter((path) => existsSync(path));
  if (candidates.length === 0) throw new Error(`npm pack ${spec} wrote no tarball into ${scratch}`);
  const extracted = spawnSync('tar', ['-xzOf', candidates[0], `package/${file}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (extracted.status !== 0) throw new Error(`${file} not found in ${spec}: ${extracted.stderr}`);
  return extracted.stdout;
}

/**
 * @vscode/ripgrep's postinstall downloads `rg` from GitHub unless its cache already holds the
 * asset: $TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<tag>-<target>.tar.gz. Put Debian's rg
 * there. The version comes from code-server's own shrinkwrap, the tag from the postinstall script.
 */
function seedRipgrepCache(tmpDir) {
  const scratch = join(WORK_DIR, 'packs');
  const codeServer = lockedVersion('code-server');
  const shrinkwrap = JSON.parse(fileFromPackage(`code-server@${codeServer}`, 'lib/vscode/npm-shrinkwrap.json', scratch));
  const ripgrepVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!ripgrepVersion) throw new Error(`@vscode/ripgrep not found in code-server@${codeServer}'s shrinkwrap`);
  const postinstall = fileFromPackage(`@vscode/ripgrep@${ripgrepVersion}`, 'lib/postinstall.js', scratch);
  const tag = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!tag) throw new Error(`cannot find the ripgrep release tag in @vscode/ripgrep@${ripgrepVersion}'s postinstall.js`);
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (process.platform !== 'linux' || !target) throw new Error(`the harness installer supports Linux x64/arm64, not ${process.platform}-${process.arch}`);
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is not on PATH: apt-get install -y ripgrep');
  const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${ripgrepVersion}`);
  const asset = join(cacheDir, `ripgrep-${tag}-${target}.tar.gz`);
  const staging = join(WORK_DIR, 'rg-staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(rg, join(staging, 'rg'));
  const tar = spawnSync('tar', ['-czf', asset, '-C', staging, 'rg'], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`cannot write ${asset}: ${tar.stderr}`);
  rmSync(staging, { recursive: true, force: true });
  for (const name of readdirSync(scratch)) rmSync(join(scratch, name), { force: true });
  log(`ripgrep: Debian's ${rg} placed as ${asset.slice(WORK_DIR.length + 1)} (code-server ${codeServer}, @vscode/ripgrep ${ripgrepVersion}, ${tag})`);
}

/** Returns `{ installed: boolean, ms }`. Throws with a readable message on failure. */
export async function ensureHarness() {
  const started = Date.now();
  ensureDebianPackages({ chromium: () => isFile(chromiumPath()) });
  if (installIsCurrent()) return { installed: false, ms: Date.now() - started };

  log('test/e2e/node_modules is missing or stale: installing the harness (code-server, playwright-core)');
  ensureDebianPackages({
    ripgrep: () => hasCommand('rg'),
    'libkrb5-dev': () => existsSync('/usr/include/gssapi/gssapi.h'),
  });
  const tmpDir = join(WORK_DIR, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir);

  const logFile = join(WORK_DIR, 'npm-ci.log');
  rmSync(logFile, { force: true });
  const env = {
    ...process.env,
    TMPDIR: tmpDir, // where @vscode/ripgrep looks for its cached download
    npm_config_yes: 'true', // node-pty's build runs npx
    npm_config_nodedir: existsSync('/usr/include/node/node.h') ? '/usr' : process.env.npm_config_nodedir ?? '',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  if (!env.npm_config_nodedir) delete env.npm_config_nodedir;
  const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : null;
  const [command, args] = npmCli
    ? [process.execPath, [npmCli, 'ci', '--unsafe-perm']]
    : ['npm', ['ci', '--unsafe-perm']];
  log(`npm ci --unsafe-perm in test/e2e (log: ${logFile})`);
  const code = await runLogged(command, args, { env, cwd: E2E_DIR, logFile });
  if (code !== 0) {
    throw new Error(`npm ci in test/e2e failed with exit code ${code}. Last lines of ${logFile}:\n${tail(logFile, 60)}`);
  }
  for (const [path, what] of [
    [CODE_SERVER_ENTRY, 'code-server'],
    [BUNDLED_RG, "code-server's ripgrep (@vscode/ripgrep postinstall)"],
    [PLAYWRIGHT, 'playwright-core'],
  ]) {
    if (!isFile(path)) throw new Error(`npm ci finished but ${what} is missing (${path}). See ${logFile}`);
  }
  writeFileSync(STAMP, JSON.stringify({ ...expectedStamp(), installedAt: new Date().toISOString() }, null, 2));
  const ms = Date.now() - started;
  log(`harness installed in ${seconds(ms)}`);
  return { installed: true, ms };
}

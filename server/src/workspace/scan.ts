// Walking folders for releases, with the same rules for the language server and the command line.

import { readdirSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { isIgnoredFolder, isReleaseFile, isTextFile } from './files';
import { describeError } from './readRelease';

export interface Unreadable {
  readonly path: string;
  readonly reason: string;
}

/**
 * Calls `visit` with every file below `folder` (absolute or as given, and the path relative to
 * `folder` with forward slashes), in a stable order, skipping dot-folders and node_modules.
 * Folders that cannot be read are collected, not thrown.
 */
export function walkFiles(folder: string, visit: (path: string, relativePath: string) => void, unreadable: Unreadable[]): void {
  const walk = (current: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: current, reason: describeError(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!isIgnoredFolder(entry.name)) walk(full);
      } else if (entry.isFile()) {
        visit(full, relative(folder, full).split('\\').join('/'));
      }
    }
  };
  walk(folder);
}

/**
 * Every release file below a workspace folder, by the globs; `verdict` is what the workspace
 * configuration (`files.include`, `files.exclude`) makes of a file, by its path.
 */
export function scanFolder(
  folder: string,
  globs?: readonly string[],
  verdict: (path: string) => 'include' | 'exclude' | null = () => null,
): { files: string[]; unreadable: Unreadable[] } {
  const files: string[] = [];
  const unreadable: Unreadable[] = [];
  walkFiles(folder, (path, rel) => {
    const configured = verdict(path);
    if (configured === 'exclude') return;
    if (isReleaseFile(rel, globs) || (configured === 'include' && isTextFile(rel))) files.push(path);
  }, unreadable);
  return { files, unreadable };
}

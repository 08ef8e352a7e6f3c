// Finding the releases under the PATHS of a command line, with the same file rules as the extension.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { describeError } from './readRelease';
import { isIgnoredFolder, isReleaseFile, isTextFile } from '../workspace/files';

/** A project's own documents, never releases, when a folder is read as a folder of releases. */
const NOT_RELEASES = /^(readme|changelog|license|licence|contributing|code_of_conduct|security)\b/i;

export interface CollectedFiles {
  /** Paths as found from the given PATHS, in a stable order. */
  readonly files: string[];
  /** PATHS or folders that could not be read, with the reason. */
  readonly unreadable: { readonly path: string; readonly reason: string }[];
}

export function collectReleases(paths: readonly string[], globs?: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      unreadable.push({ path, reason: describeError(error) });
      continue;
    }
    if (!isDirectory) {
      add(path); // a file named on the command line is always checked
      continue;
    }
    const textFiles: string[] = [];
    const releases: string[] = [];
    walk(path, (file) => {
      const rel = relative(path, file).split('\\').join('/');
      if (isReleaseFile(rel, globs)) releases.push(file);
      else if (isTextFile(rel) && !NOT_RELEASES.test(rel.slice(rel.lastIndexOf('/') + 1))) textFiles.push(file);
    }, unreadable);
    // A folder that holds release folders is read by the globs; one that holds none is itself a
    // folder of releases (as when its own name is not "releases").
    const chosen = releases.length > 0 ? releases : textFiles;
    for (const file of chosen.sort()) add(file);
  }
  return { files, unreadable };
}

function walk(folder: string, visit: (file: string) => void, unreadable: { path: string; reason: string }[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ path: folder, reason: describeError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!isIgnoredFolder(entry.name)) walk(full, visit, unreadable);
    } else if (entry.isFile()) {
      visit(full);
    }
  }
}

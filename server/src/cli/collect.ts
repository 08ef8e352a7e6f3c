// Finding the releases under the PATHS of a command line, with the same file rules as the extension.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeError } from '../workspace/readRelease';
import { isReleaseFile, isTextFile } from '../workspace/files';
import { walkFiles, type Unreadable } from '../workspace/scan';

/** A project's own documents, never releases, when a folder is read as a folder of releases. */
const NOT_RELEASES = /^(readme|changelog|license|licence|contributing|code_of_conduct|security)\b/i;

export interface CollectedFiles {
  /** Paths as found from the given PATHS, in a stable order. */
  readonly files: string[];
  /** PATHS or folders that could not be read, with the reason. */
  readonly unreadable: Unreadable[];
}

/**
 * `verdict` says what the workspace configuration (`files.include`, `files.exclude`) makes of a file
 * found in a folder, by its absolute path: included, skipped, or no opinion (null).
 */
export function collectReleases(
  paths: readonly string[],
  globs?: readonly string[],
  verdict: (absolutePath: string) => 'include' | 'exclude' | null = () => null,
): CollectedFiles {
  const files: string[] = [];
  const unreadable: Unreadable[] = [];
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
    const releases: string[] = [];
    const textFiles: string[] = [];
    walkFiles(path, (file, rel) => {
      const configured = verdict(resolve(file));
      if (configured === 'exclude') return;
      if (isReleaseFile(rel, globs) || (configured === 'include' && isTextFile(rel))) releases.push(file);
      else if (isTextFile(rel) && !NOT_RELEASES.test(rel.slice(rel.lastIndexOf('/') + 1))) textFiles.push(file);
    }, unreadable);
    // A folder that holds release folders is read by the globs; one that holds none is itself a
    // folder of releases (as when its own name is not "releases").
    for (const file of releases.length > 0 ? releases : textFiles) add(file);
  }
  return { files, unreadable };
}

// Reading a release from disk (command line and workspace indexing): text only, never too large, always said why not.

import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';

/**
 * Files larger than this many bytes are skipped: no release is 20 MB, and analysis stays responsive.
 * The same number as the server's MAX_ANALYSED_LENGTH (UTF-16 code units): UTF-8 never takes fewer
 * bytes than UTF-16 code units, so every file read here is also short enough to analyse.
 */
export const MAX_RELEASE_BYTES = 20_000_000;

export type ReadResult =
  /** `bytes`: the text as UTF-8 (the file's bytes, without a byte-order mark). */
  | { readonly ok: true; readonly text: string; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: string; /** true for a failure to read, false for a file skipped on purpose */ readonly error: boolean };

export function readRelease(path: string): ReadResult {
  let size: number;
  try {
    const stats = statSync(path);
    // A FIFO, socket or device would block the read or never end: only regular files are releases.
    if (stats.isDirectory()) return { ok: false, reason: 'is a folder', error: true };
    if (!stats.isFile()) return { ok: false, reason: 'not a regular file (a pipe, socket or device)', error: true };
    size = stats.size;
  } catch (error) {
    return { ok: false, reason: describeError(error), error: true };
  }
  if (size > MAX_RELEASE_BYTES) {
    return { ok: false, reason: `skipped: ${(size / 1e6).toFixed(1)} MB is larger than the ${MAX_RELEASE_BYTES / 1e6} MB a release may be`, error: false };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: describeError(error), error: true };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'skipped: a binary file (it contains NUL bytes)', error: false };
  // Validated first, then decoded: a decoder that throws on bad input costs twice as much.
  if (!isUtf8(bytes)) return { ok: false, reason: 'skipped: not UTF-8 text', error: false };
  let text = bytes.toString('utf8');
  // Editors drop a byte-order mark from the text they show; offsets follow the editor.
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    bytes = bytes.subarray(3);
  }
  return { ok: true, text, bytes };
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

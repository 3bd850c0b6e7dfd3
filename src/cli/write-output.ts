/**
 * Writing a report with --out: to a temporary file beside the target, then renamed, so a
 * reader never sees half a report and a failure leaves nothing behind. Never over an input.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';

function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Device and inode: the same file whatever the path (hard links, case-insensitive disks, bind mounts). */
function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/**
 * Checked before any input is read, so a long audit does not end in a refusal: the target
 * is no input (by path after symlinks and `..`, and by inode), is not a folder, and its
 * folder exists.
 */
export function assertNotAnInput(out: string, inputs: readonly string[]): void {
  const target = canonical(out);
  const id = identity(out);
  if (inputs.some((i) => canonical(i) === target || (id !== null && identity(i) === id))) {
    throw new InputError(msg('error.outIsInput', { file: out }));
  }
  let st;
  try {
    st = statSync(out);
  } catch {
    st = null;
  }
  if (st?.isDirectory()) throw new InputError(msg('error.outIsFolder', { file: out, example: join(out, 'audit.json') }));
  const folder = dirname(resolve(out));
  let folderStat;
  try {
    folderStat = statSync(folder);
  } catch {
    folderStat = null;
  }
  if (!folderStat?.isDirectory()) throw new InputError(msg('error.outNoFolder', { file: out, folder: dirname(out) }));
}

function writeError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError(msg('error.outNoFolder', { file: path, folder: dirname(path) }));
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return new InputError(msg('error.outIsFolder', { file: path, example: join(path, 'audit.json') }));
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new InputError(msg('error.outDenied', { file: path }));
    case 'ENOSPC':
    case 'EDQUOT':
      return new InputError(msg('error.outNoSpace', { file: path }));
    default:
      return new InputError(msg('error.outFailed', { file: path, reason: code ?? (error as Error)?.message ?? String(error) }));
  }
}

export async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx' });
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(path, error);
  }
}

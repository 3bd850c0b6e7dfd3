/**
 * Writing a report with --out: to a temporary file beside the target, then renamed, so a
 * reader never sees half a report and a failure leaves nothing behind. Never over an input.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
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

export function assertNotAnInput(out: string, inputs: readonly string[]): void {
  const target = canonical(out);
  if (inputs.some((i) => canonical(i) === target)) throw new InputError(msg('error.outIsInput', { file: out }));
}

export async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx' });
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : (error as Error).message;
    throw new InputError(msg('error.writeFailed', { file: path, reason }));
  }
}

/**
 * Exports that are several files: a zip archive or a folder (a Slack export, a Stack
 * Exchange dump, a WhatsApp zip holding `_chat.txt`). Both list their entries the same
 * way, so readers never care which one they got.
 *
 * Zips are read in memory with fflate, entry by entry, never extracted to disk. Entries
 * whose path could escape (`../`, absolute paths, drive letters) or that are not data
 * (`__MACOSX/`, dot files) are left out of the listing.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { type Input, bufferInput, openFile } from './read.js';

export interface ContainerEntry {
  /** relative path, `/`-separated */
  path: string;
  /** uncompressed size */
  size: number;
}

export interface Container {
  kind: 'zip' | 'folder';
  /** the path as given */
  label: string;
  /** files only, sorted by path */
  entries: ContainerEntry[];
  open(path: string): Promise<Input>;
}

/** A zip is held in memory whole: past this, extract it and give the folder. */
export const MAX_ZIP_BYTES = 1024 * 1024 * 1024;
/** One entry is decompressed in memory whole: past this, extract it. */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;
const MAX_FOLDER_ENTRIES = 200_000;
const MAX_FOLDER_DEPTH = 6;

export function isContainer(x: Input | Container): x is Container {
  return 'entries' in x;
}

export function isZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7);
}

/** Paths that could escape the archive or are not data. */
export function isSafeEntryPath(path: string): boolean {
  if (path === '' || path.endsWith('/')) return false;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\') || path.includes('\0')) return false;
  const parts = path.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) return false;
  if (parts[0] === '__MACOSX' || parts.some((p) => p.startsWith('.'))) return false;
  return true;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

export async function openZip(input: Input): Promise<Container> {
  if (input.size !== null && input.size > MAX_ZIP_BYTES) {
    throw new InputError(msg('error.zipTooLarge', { file: input.label, max: Math.round(MAX_ZIP_BYTES / 1024 / 1024) }));
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input.bytes()) {
    total += chunk.length;
    if (total > MAX_ZIP_BYTES) throw new InputError(msg('error.zipTooLarge', { file: input.label, max: Math.round(MAX_ZIP_BYTES / 1024 / 1024) }));
    chunks.push(chunk);
  }
  const data = new Uint8Array(Buffer.concat(chunks));
  const entries: ContainerEntry[] = [];
  try {
    // the filter sees the central directory: list everything, decompress nothing
    unzipSync(data, {
      filter(file) {
        const path = file.name.replace(/\\/g, '/');
        if (file.name === path && isSafeEntryPath(path)) entries.push({ path, size: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw new InputError(msg('error.zipDamaged', { file: input.label, reason: (error as Error).message ?? String(error) }));
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const known = new Set(entries.map((e) => e.path));
  const container: Container = {
    kind: 'zip',
    label: input.label,
    entries,
    async open(path) {
      const entry = entries.find((e) => e.path === path);
      if (!entry) throw new InputError(msg('error.fileNotFound', { file: `${input.label}/${path}`, cwd: process.cwd() }));
      if (entry.size > MAX_ENTRY_BYTES) throw new InputError(msg('error.zipTooLarge', { file: `${input.label}/${path}`, max: Math.round(MAX_ENTRY_BYTES / 1024 / 1024) }));
      let out: Uint8Array | undefined;
      try {
        out = unzipSync(data, { filter: (f) => f.name === path })[path];
      } catch (error) {
        throw new InputError(msg('error.zipDamaged', { file: input.label, reason: (error as Error).message ?? String(error) }));
      }
      if (!out) throw new InputError(msg('error.zipDamaged', { file: input.label, reason: path }));
      const dir = dirOf(path);
      return bufferInput(`${input.label}/${path}`, out, async (name) => (known.has(dir + name) ? container.open(dir + name) : null));
    },
  };
  return container;
}

export async function openFolder(path: string): Promise<Container> {
  const root = path.replace(/[\\/]+$/, '') || path;
  const entries: ContainerEntry[] = [];
  async function walk(rel: string, depth: number): Promise<void> {
    if (depth > MAX_FOLDER_DEPTH || entries.length >= MAX_FOLDER_ENTRIES) return;
    const names = (await readdir(rel ? join(root, rel) : root)).sort();
    for (const name of names) {
      const child = rel ? `${rel}/${name}` : name;
      if (!isSafeEntryPath(child)) continue;
      // symbolic links are not followed: a link could lead out of the export
      const st = await lstat(join(root, child));
      if (st.isDirectory()) await walk(child, depth + 1);
      else if (st.isFile()) entries.push({ path: child, size: st.size });
      if (entries.length >= MAX_FOLDER_ENTRIES) return;
    }
  }
  try {
    await walk('', 0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(msg('error.permission', { file: path }));
    throw new InputError(msg('error.fileNotFound', { file: path, cwd: process.cwd() }));
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    kind: 'folder',
    label: path,
    entries,
    async open(entry) {
      const input = await openFile(join(root, entry));
      return { ...input, label: `${root}/${entry}` };
    },
  };
}

/** What the CLI gives loadDataset: a file, or a folder that holds an export. */
export async function openPath(path: string): Promise<Input | Container> {
  let isDir = false;
  try {
    isDir = (await lstat(path)).isDirectory();
  } catch {
    // openFile says what is wrong with the path
  }
  return isDir ? openFolder(path) : openFile(path);
}

/** The first entries of a container, for messages that say what was found. */
export function describeEntries(c: Container, max = 8): string {
  if (c.entries.length === 0) return '(none)';
  const shown = c.entries.slice(0, max).map((e) => e.path);
  return shown.join(', ') + (c.entries.length > max ? ` … (+${c.entries.length - max})` : '');
}

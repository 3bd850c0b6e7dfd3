/**
 * Runs the built command line as a user would: `node bin/community-audit.js …`, with a
 * minimal environment (no colour, English unless asked), stdin fed or closed, and a hard
 * timeout so that a hang fails the test instead of blocking the run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'community-audit.js');
export const CORPUS = join(ROOT, 'test', 'corpus');
export const FIXTURES = join(ROOT, 'fixtures');
/** A preload that makes chosen fs calls fail (see inject-fs.mjs). */
export const INJECT_FS = join(ROOT, 'test', 'helpers', 'inject-fs.mjs');
/** A preload that makes any network access throw (see no-network.mjs). */
export const NO_NETWORK = join(ROOT, 'test', 'helpers', 'no-network.mjs');

export interface RunOptions {
  cwd?: string;
  /** bytes for stdin; `undefined` closes stdin at once */
  stdin?: string | Buffer;
  env?: Record<string, string>;
  /** extra node flags, before the bin (e.g. --import a preload) */
  node?: string[];
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
  timedOut: boolean;
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
}

export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  assertBuilt();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.node ?? []), BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', FORCE_COLOR: '0', LANG: 'en_US.UTF-8', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 20_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined); // the CLI may stop reading early
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolvePromise({ code, signal, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes, timedOut });
    });
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = 'ca-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a Node stack trace looks like: "    at fn (file:line:col)". */
export const STACK_TRACE = /^\s+at\s.+(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

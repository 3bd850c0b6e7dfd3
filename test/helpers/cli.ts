/** Runs the built command line as a user would: `node bin/community-audit.js …`. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/community-audit.js', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(args: string[], options: { env?: Record<string, string>; input?: string | Buffer; cwd?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', FORCE_COLOR: '0', LANG: 'en_US.UTF-8', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const FIXTURES = ['instagram-audience', 'linkedin-ready', 'slack-community', 'tiny-insufficient'] as const;
export function fixture(name: string, file: 'comments.csv' | 'members.csv'): string {
  return `fixtures/${name}/${file}`;
}

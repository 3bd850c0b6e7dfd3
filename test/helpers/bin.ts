/** Runs the built command line as a user would (`node bin/community-audit.js …`), colours off unless asked. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/community-audit.js', import.meta.url));

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], env: Record<string, string> = { FORCE_COLOR: '0' }): BinResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'en_US.UTF-8', ...env },
    input: '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The scenario fixtures, as arguments: comments then --members. */
export function fixtureArgs(name: string): string[] {
  return [`fixtures/${name}/comments.csv`, '--members', `fixtures/${name}/members.csv`];
}

export const REPORT_FIXTURES = ['instagram-audience', 'linkedin-ready', 'slack-community', 'tiny-insufficient', 'growing-community', 'html-injection'] as const;

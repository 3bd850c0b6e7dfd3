/**
 * An audit makes no network connection (SECURITY.md): the built code imports no network
 * module and calls no fetch, and a run under a guard that fails on any socket, request or
 * DNS lookup goes through, on every fixture, in every output format.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/cli/commands/audit.js';
import { FIXTURES, NO_NETWORK, ROOT, runCli, tempDir } from '../helpers/spawn-cli.js';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? jsFiles(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : []));
}

const NETWORK_MODULE = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?(?:net|http|https|http2|dgram|tls|dns|dns\/promises|undici|ws)['"]/;
const NETWORK_CALL = /\bfetch\s*\(|\bnew\s+WebSocket\b|\bXMLHttpRequest\b|\bsendBeacon\b|\bEventSource\b/;

describe('no network', () => {
  it('the built code imports no network module and calls no fetch', () => {
    const files = jsFiles(join(ROOT, 'dist'));
    expect(files.length).toBeGreaterThan(20);
    const offending = files.filter((f) => {
      const code = readFileSync(f, 'utf8');
      return NETWORK_MODULE.test(code) || NETWORK_CALL.test(code);
    });
    expect(offending.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the guard works: a script that reaches for the network is stopped and logged', async () => {
    const tmp = tempDir('ca-net-');
    const log = join(tmp.dir, 'network.log');
    const { spawnSync } = await import('node:child_process');
    const script = "const net = await import('node:net'); try { net.connect(9, '127.0.0.1'); } catch {} try { await fetch('http://127.0.0.1:9'); } catch {}";
    const r = spawnSync(process.execPath, ['--import', NO_NETWORK, '--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '', CA_NETWORK_LOG: log }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean).sort()).toEqual(['fetch', 'net.connect']);
    tmp.remove();
  });

  const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'comments.csv')));
  for (const folder of folders) {
    it(`${folder.name}: an audit in every format runs with the network forbidden`, async () => {
      const tmp = tempDir('ca-net-');
      const log = join(tmp.dir, 'network.log');
      const cwd = join(FIXTURES, folder.name);
      const members = existsSync(join(cwd, 'members.csv')) ? ['-m', 'members.csv'] : [];
      for (const format of OUTPUT_FORMATS) {
        const run = await runCli(['comments.csv', ...members, '--format', format, '--anonymize'], { cwd, node: ['--import', NO_NETWORK], env: { CA_NETWORK_LOG: log } });
        expect(run.stderr).not.toMatch(/network access attempted/);
        expect(run.code).toBe(0);
      }
      expect(existsSync(log)).toBe(false);
      tmp.remove();
    });
  }
});

/**
 * `npm run bench`: generates the comment files (once; they are kept in bench/data/), then
 * measures, alternating the commands run after run, the whole-process wall time, MB/s and
 * peak memory of:
 *   audit      community-audit <file> --format json (every detector)
 *   papaparse  papaparse alone streaming the file into arrays (the floor of this stack)
 *   duckdb     DuckDB computing the member-to-member reply share with a SQL join
 * and prints the medians and the ratios against the targets of docs/performance.md.
 *
 *   npm run bench                                  100k, 1M and 3M rows, 5 runs each
 *   npm run bench -- --sizes 100k,1M --runs 3      a subset
 *   npm run bench -- --only audit,papaparse        some commands only
 *   npm run bench -- --json bench/data/last.json   also write the numbers as JSON
 *
 * DuckDB is installed for the benchmark only (bench/package.json, its own lock), on first
 * run, with `npm ci --prefix bench`: `npm ci` at the root never pulls it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, DEFAULT_SEED, GENERATOR_VERSION, generate, parseCount } from './generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function args() {
  const a = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 && a[i + 1] ? a[i + 1] : dflt;
  };
  if (a.includes('--help')) {
    process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0] + '*/\n');
    process.exit(0);
  }
  return {
    sizes: get('sizes', '100k,1M,3M').split(',').map((s) => s.trim()).filter(Boolean),
    runs: Math.max(1, Number(get('runs', '5'))),
    only: get('only', 'audit,papaparse,duckdb').split(','),
    json: get('json', ''),
    helpRuns: Math.max(1, Number(get('help-runs', '15'))),
  };
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status})`);
}

function ensureBuilt() {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('building community-audit…\n');
    run('npm', ['run', 'build']);
  }
}

function ensureDuckdb() {
  if (existsSync(join(here, 'node_modules', '@duckdb', 'node-api'))) return;
  process.stderr.write('installing the benchmark-only dependencies (npm ci --prefix bench)…\n');
  run('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund']);
}

function ensureData(size) {
  const rows = parseCount(size);
  const file = join(DATA_DIR, `comments-${size}.csv`);
  const meta = `${file}.meta.json`;
  const want = { generator: GENERATOR_VERSION, seed: DEFAULT_SEED, rows };
  if (existsSync(file) && existsSync(meta)) {
    const have = JSON.parse(readFileSync(meta, 'utf8'));
    if (have.generator === want.generator && have.seed === want.seed && have.rows === rows && statSync(file).size === have.bytes) return file;
  }
  process.stderr.write(`generating ${size} rows → ${relative(root, file)}…\n`);
  const t = performance.now();
  const bytes = generate(rows, file);
  writeFileSync(meta, JSON.stringify({ ...want, bytes }));
  process.stderr.write(`  ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return file;
}

const COMMANDS = {
  audit: (file) => [join(root, 'bin', 'community-audit.js'), file, '--format', 'json'],
  papaparse: (file) => [join(here, 'papaparse-floor.js'), file],
  duckdb: (file) => [join(here, 'duckdb-share.js'), file],
};

const scratch = mkdtempSync(join(tmpdir(), 'ca-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** One whole process: wall time from spawn to exit, peak RSS and CPU from inside (bench/measure.cjs). */
function measure(name, argv) {
  const out = join(scratch, `${name}.json`);
  rmSync(out, { force: true });
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--require', join(here, 'measure.cjs'), ...argv], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH_MEASURE_OUT: out, FORCE_COLOR: '0' },
    });
    const chunks = [];
    let err = '';
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (code !== 0) return reject(new Error(`${name} exited ${code}: ${err.slice(0, 2000)}`));
      const m = JSON.parse(readFileSync(out, 'utf8'));
      resolve({ wallMs, ...m, stdout: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

function metricOf(name, stdout) {
  try {
    if (name === 'audit') {
      const r = JSON.parse(stdout);
      const s = r.signals.find((x) => x.id === 'member-replies');
      return { messages: r.input.messages, memberReplyShare: s?.values?.share ?? null };
    }
    return JSON.parse(stdout.trim().split('\n').pop());
  } catch {
    return null;
  }
}

async function helpTiming(runs) {
  const time = async (argv) => {
    const xs = [];
    for (let i = 0; i < runs; i++) xs.push((await measure('help', argv)).wallMs);
    return median(xs);
  };
  const bare = await time(['-e', '0']);
  const help = await time([join(root, 'bin', 'community-audit.js'), '--help']);
  return { nodeMs: bare, helpMs: help, overheadMs: help - bare };
}

const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');

async function main() {
  const opts = args();
  ensureBuilt();
  const only = opts.only.filter((c) => c in COMMANDS);
  if (only.includes('duckdb')) ensureDuckdb();
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  machine.loadAverage = loadavg().map((x) => +x.toFixed(2));
  process.stdout.write(`machine: ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage.join(' ')}\n`);

  const help = await helpTiming(opts.helpRuns);
  process.stdout.write(`--help: ${fmt(help.helpMs, 0)} ms, node -e 0: ${fmt(help.nodeMs, 0)} ms → +${fmt(help.overheadMs, 0)} ms (target ≤ 150 ms)\n\n`);

  const results = [];
  for (const size of opts.sizes) {
    const file = ensureData(size);
    const bytes = statSync(file).size;
    const samples = Object.fromEntries(only.map((c) => [c, []]));
    let metrics = {};
    for (let r = 0; r < opts.runs; r++) {
      // alternate: each run starts with a different command, so no command always runs on a cold cache
      const order = only.map((_, i) => only[(i + r) % only.length]);
      for (const name of order) {
        const m = await measure(name, COMMANDS[name](file));
        samples[name].push(m);
        metrics[name] = metricOf(name, m.stdout);
        process.stderr.write(`  ${size} run ${r + 1}/${opts.runs} ${name.padEnd(9)} ${fmt(m.wallMs / 1000)} s  ${fmt(m.maxRssKb / 1024, 0)} MB\n`);
      }
    }
    const summary = {};
    for (const name of only) {
      const wall = median(samples[name].map((s) => s.wallMs)) / 1000;
      const rss = median(samples[name].map((s) => s.maxRssKb)) / 1024;
      const rssMax = Math.max(...samples[name].map((s) => s.maxRssKb)) / 1024;
      const cpu = median(samples[name].map((s) => s.userMs + s.systemMs)) / 1000;
      summary[name] = { wallS: wall, cpuS: cpu, mbPerS: bytes / 1e6 / wall, peakRssMb: rss, peakRssMaxMb: rssMax, runs: samples[name].map((s) => +(s.wallMs / 1000).toFixed(3)), metric: metrics[name] };
    }
    const ratio = (a, b, k = 'wallS') => (summary[a] && summary[b] ? summary[a][k] / summary[b][k] : NaN);
    const res = {
      size,
      rows: parseCount(size),
      bytes,
      summary,
      auditOverPapaparse: ratio('audit', 'papaparse'),
      auditOverDuckdb: ratio('audit', 'duckdb'),
      cpuAuditOverPapaparse: ratio('audit', 'papaparse', 'cpuS'),
      cpuAuditOverDuckdb: ratio('audit', 'duckdb', 'cpuS'),
    };
    results.push(res);

    process.stdout.write(`${size} rows, ${fmt(bytes / 1e6, 0)} MB, median of ${opts.runs} runs\n`);
    process.stdout.write(`  command     wall s    MB/s   CPU s   peak RSS MB\n`);
    for (const name of only) {
      const s = summary[name];
      process.stdout.write(`  ${name.padEnd(10)} ${fmt(s.wallS).padStart(7)} ${fmt(s.mbPerS, 0).padStart(7)} ${fmt(s.cpuS).padStart(7)} ${fmt(s.peakRssMb, 0).padStart(10)}\n`);
    }
    // CPU time (user + system, all threads) is printed too: on a shared machine it moves less than wall time
    if (Number.isFinite(res.auditOverPapaparse)) process.stdout.write(`  audit / papaparse = ${fmt(res.auditOverPapaparse)} wall, ${fmt(res.cpuAuditOverPapaparse)} CPU (target ≤ 1.5)\n`);
    if (Number.isFinite(res.auditOverDuckdb)) process.stdout.write(`  audit / duckdb    = ${fmt(res.auditOverDuckdb)} wall, ${fmt(res.cpuAuditOverDuckdb)} CPU (target ≤ 3 at 1M)\n`);
    if (metrics.audit && metrics.duckdb) {
      process.stdout.write(`  member-to-member reply share: audit ${metrics.audit.memberReplyShare}, duckdb ${fmt(metrics.duckdb.share, 3)}\n`);
    }
    if (summary.audit) process.stdout.write(`  audit peak RSS per 1k messages: ${fmt((summary.audit.peakRssMb * 1000) / res.rows, 3)} MB\n`);
    process.stdout.write('\n');
  }
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ date: new Date().toISOString(), machine, loadAverageAtEnd: loadavg().map((x) => +x.toFixed(2)), help, results }, null, 2) + '\n');
}

await main();

// The measuring step alone (derive, each detector, charts, then runAudit whole), CPU ms per run,
// on a file loaded once: `COMMUNITY_AUDIT_WORKERS=0 RUNS=3 node bench/audit-phase.js bench/data/comments-1M.csv`
import { performance } from 'node:perf_hooks';
const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const file = process.argv[2] ?? new URL('data/comments-1M.csv', import.meta.url).pathname;
const runs = Number(process.env.RUNS ?? 4);
const { loadDataset, openPath } = await import(root + '/dist/load/index.js');
const { runAudit } = await import(root + '/dist/scoring/run-audit.js');
const { derive } = await import(root + '/dist/derive/index.js');
const { detectors } = await import(root + '/dist/detectors/index.js');
const { buildCharts } = await import(root + '/dist/scoring/charts.js');
const ds = await loadDataset([await openPath(file)], { lang: 'en' });
const cpu = (f) => { const c0 = process.cpuUsage(); const r = f(); const c = process.cpuUsage(c0); return [r, (c.user + c.system) / 1e3]; };
for (let r = 0; r < runs; r++) {
  const [d, td] = cpu(() => derive(ds));
  const parts = [`derive ${td.toFixed(0)}`];
  let tot = td;
  for (const det of detectors) { const [, t] = cpu(() => det.run({ ds, d })); tot += t; parts.push(`${det.id} ${t.toFixed(0)}`); }
  const [, tc] = cpu(() => buildCharts(ds, d, (a) => ds.authors[a].name)); tot += tc; parts.push(`charts ${tc.toFixed(0)}`);
  const [, ta] = cpu(() => runAudit(ds, { lang: 'en', generatedAt: new Date(0) }));
  console.log(`sum ${tot.toFixed(0)} ms | runAudit ${ta.toFixed(0)} ms | ` + parts.join(', '));
}
console.log('rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));

/**
 * Text a comment or a display name may hold that would be code in a report: HTML that runs
 * script, Markdown that links or embeds, table breakers, terminal escapes.
 */
import type { AuditResultT } from '../../src/model/result.js';

export const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned = \'svg\'">',
  '</script><script>window.__pwned = "close"</script>',
  '<!-- --><a href="javascript:window.__pwned=1">link</a>',
  '[click](https://evil.example/x) ![pixel](https://evil.example/p.png) <https://evil.example>',
  'one | two\nthree || four',
  '`tick` *star* _under_ ~~strike~~ @everyone #1 $x$',
  '\u001b[31mred\u001b[0m\u0007bell',
  '</style><style>body{display:none}</style>',
  '&lt;b&gt; already escaped &amp;',
] as const;

/**
 * A copy of a result where every string a user could control (names, excerpts, files, the
 * sentences that quote them) is one of the hostile strings: what a renderer must survive.
 */
export function hostileResult(base: AuditResultT): AuditResultT {
  const r = structuredClone(base);
  let i = 0;
  const next = () => HOSTILE[i++ % HOSTILE.length]!;
  for (const rec of r.recommendations) {
    for (const e of rec.evidence) {
      e.author = next();
      e.excerpt = next();
    }
    rec.detail.text += ' ' + next();
  }
  for (const s of r.signals) {
    if (s.summary) s.summary.text += ' ' + next();
    s.title += ' ' + next();
  }
  for (const w of r.verdict.why) w.text += ' ' + next();
  for (const src of r.input.sources) src.file = next();
  r.input.brand.accounts = [next()];
  if (r.input.brand.note) r.input.brand.note.text = next();
  r.warnings.push({ key: 'issue.unknown', text: next() });
  if (r.charts) {
    for (const n of r.charts.network.nodes) n.name = next();
    r.charts.core.members = r.charts.core.members.map(() => next());
  }
  return r;
}

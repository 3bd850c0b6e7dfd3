import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { AuditResultT } from '../../src/model/result.js';
import { renderCompareMarkdown, renderCompareText } from '../../src/render/compare.js';
import { compareAudits, judgeDrop } from '../../src/scoring/compare.js';
import { hostileResult } from '../helpers/hostile.js';

const after = JSON.parse(readFileSync(new URL('../golden/audit-result.json', import.meta.url), 'utf8')) as AuditResultT;

/** The same community a month earlier: a lower score, an audience, a smaller core, one member who left since. */
function earlier(): AuditResultT {
  const r = structuredClone(after);
  r.verdict = { ...r.verdict, level: 'audience', score: 40 };
  r.signals = r.signals.filter((s) => s.id !== 'peer-answers').map((s) => (s.id === 'member-replies' ? { ...s, score: 0.25 } : s));
  r.charts!.core = { members: [...r.charts!.core.members.slice(3), 'Gone Member'], total: r.charts!.core.members.length - 2 };
  return r;
}

describe('compareAudits', () => {
  const c = compareAudits('before.json', earlier(), 'after.json', after);

  it('gives the score, the level and its direction', () => {
    expect(c.score).toEqual({ before: 40, after: after.verdict.score, delta: after.verdict.score! - 40 });
    expect(c.level).toEqual({ before: 'audience', after: 'community', changed: true, direction: 'up' });
  });

  it('compares every signal of either audit, in points, null where one side lacks it', () => {
    expect(c.signals.find((s) => s.id === 'member-replies')).toMatchObject({ before: 25, after: 100, delta: 75 });
    expect(c.signals.find((s) => s.id === 'peer-answers')).toMatchObject({ before: null, delta: null });
  });

  it('names who joined and who left the core', () => {
    expect(c.core.joined).toEqual(after.charts!.core.members.slice(0, 3));
    expect(c.core.left).toEqual(['Gone Member']);
    expect(c.core.stayed).toBe(after.charts!.core.members.length - 3);
  });

  it('says the core cannot be compared when an audit carries no core list', () => {
    const old = earlier();
    delete old.charts;
    expect(compareAudits('a', old, 'b', after).core).toMatchObject({ known: false, joined: [], left: [] });
  });

  it('judges --fail-on-drop on the fall only, and cannot judge without a score', () => {
    const fell = compareAudits('a', after, 'b', earlier());
    expect(judgeDrop(fell, fell.score.before! - 40 - 1)).toBe(1);
    expect(judgeDrop(fell, fell.score.before! - 40)).toBe(0);
    expect(judgeDrop(c, 0)).toBe(0);
    expect(judgeDrop(c, undefined)).toBe(0);
    const none = structuredClone(after);
    none.verdict.score = null;
    expect(judgeDrop(compareAudits('a', none, 'b', after), 5)).toBe(3);
  });
});

describe('the comparison, printed', () => {
  it('escapes the names of the core in Markdown', () => {
    const c = compareAudits('before.json', earlier(), 'after.json', hostileResult(after));
    const html = new MarkdownIt({ html: true, linkify: true }).render(renderCompareMarkdown(c, 'en'));
    expect(html).not.toMatch(/<(a|img|script|svg|style|code)\b/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('lists the signals that moved, largest first, and counts the others', () => {
    const text = renderCompareText(compareAudits('before.json', earlier(), 'after.json', after), 'fr', { color: false, width: 80 });
    const signals = text.split('Signaux\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(signals[0]).toMatch(/^ {2}Les membres se répondent +25 → 100 +\+75$/);
    expect(text).toContain('pas bougé');
    expect(text).toMatch(/Parti·es\u202f: Gone Member\./);
  });
});

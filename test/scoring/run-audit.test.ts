import { describe, expect, it } from 'vitest';
import { defineDetector } from '../../src/detectors/define-detector.js';
import { detectors } from '../../src/detectors/index.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { type BuildOptions, WEEK, build, script } from '../helpers/dataset.js';

const people = ['ana', 'ben', 'cleo', 'dan', 'eva', 'fred', 'gus', 'hana', 'ines', 'jo', 'kim', 'lou'];

/** Members who ask, answer each other and thank, week after week; the brand posts now and then. */
function community(weeks: number, options: { links?: 'parent' | 'none' } = {}) {
  const s = script(7);
  for (let w = 0; w < weeks; w++) {
    s.at(w * WEEK);
    if (w % 3 === 0) s.post('brand', 'Petite nouveauté cette semaine');
    for (let i = 0; i < people.length; i++) {
      const q = s.post(people[i]!, 'Vous faites comment pour les rappels ?');
      const a = s.reply(q, people[(i + 1) % people.length]!, 'Perso je fais un point le lundi');
      s.reply(q, people[(i + 5) % people.length]!, 'Pareil, ça a marché pour moi');
      s.reply(a, people[i]!, 'Merci !');
    }
  }
  const opts: BuildOptions = { brand: ['brand'], ...(options.links === 'none' ? { links: 'none' as const, kind: 'chat' as const } : {}) };
  const rows = options.links === 'none' ? s.rows.map(({ parent: _p, ...r }) => r) : s.rows;
  return build(rows, opts);
}

describe('runAudit: verdict, why-lines, confidence', () => {
  it('explains a community with the signals that decided it, and lists what could not be measured', () => {
    const r = runAudit(community(6), { lang: 'en' });
    expect(r.verdict.level).toBe('community');
    const [rule, ...rest] = r.verdict.why;
    expect(rule!.key).toBe('why.rule.community');
    const cited = rest.filter((w) => w.key === 'why.signal');
    expect(cited.length).toBe(3);
    for (const w of cited) {
      const s = r.signals.find((x) => x.id === w.signal)!;
      expect(s.group).toBe('community');
      expect(w.text.startsWith(`${s.title} — `)).toBe(true);
    }
    const unmeasured = r.verdict.why.find((w) => w.key === 'why.unmeasured')!;
    expect(unmeasured.text).toContain('A shared mission');
    expect(unmeasured.text).toContain('Reach without conversation');
  });

  it('a signal the data cannot measure weighs nothing in its category', () => {
    const r = runAudit(community(6), { lang: 'en' });
    const readiness = r.categories.find((c) => c.id === 'readiness')!;
    expect(readiness.signals.find((s) => s.id === 'shared-mission')).toEqual({ id: 'shared-mission', weight: 0, score: null });
    const measured = readiness.signals.filter((s) => s.score !== null);
    const mean = measured.reduce((sum, s) => sum + s.score! * s.weight, 0) / measured.reduce((sum, s) => sum + s.weight, 0);
    expect(readiness.score).toBe(Math.round(mean * 100));
  });

  it('replies inferred from message order: said in the report, lower confidence', () => {
    const explicit = runAudit(community(6), { lang: 'en' });
    const inferred = runAudit(community(6, { links: 'none' }), { lang: 'en' });
    expect(inferred.input.replyLinks.inferred).toBeGreaterThan(0);
    expect(inferred.verdict.why.map((w) => w.key)).toContain('why.inferredReplies');
    const rank = { low: 0, medium: 1, high: 2 } as const;
    expect(rank[inferred.verdict.confidence]).toBeLessThan(rank[explicit.verdict.confidence]);
    const replies = inferred.signals.find((s) => s.id === 'member-replies')!;
    expect(replies.confidence.notes.map((n) => n.key)).toContain('confidence.inferred');
  });

  it('a small sample is said, and lowers the confidence; too little makes the verdict insufficient-data', () => {
    const small = runAudit(community(3), { lang: 'fr' });
    expect(small.verdict.why.map((w) => w.key)).toContain('why.smallSample');
    expect(small.verdict.confidence).not.toBe('high');
    const s = script();
    const q = s.post('ana', 'Une question ?');
    s.reply(q, 'ben', 'Une réponse');
    const tiny = runAudit(build(s.rows, { brand: ['brand'] }), { lang: 'fr' });
    expect(tiny.verdict).toMatchObject({ level: 'insufficient-data', score: null, confidence: 'low' });
    expect(tiny.recommendations.map((x) => x.id)).toEqual(['collect-more']);
  });

  it('a detector that throws becomes an error for that signal only', () => {
    const broken = defineDetector({
      id: 'core-group',
      group: 'community',
      run() {
        throw new Error('boom');
      },
    });
    const r = runAudit(community(6), { lang: 'en', detectors: [...detectors.filter((d) => d.id !== 'core-group'), broken] });
    const core = r.signals.find((s) => s.id === 'core-group')!;
    expect(core).toMatchObject({ status: 'error', score: null, reason: { key: 'reason.detectorError', values: { error: 'boom' } } });
    expect(r.verdict.level).toBe('community');
  });

  it('lists every signal with a score or a reason', () => {
    const r = runAudit(community(6), { lang: 'fr' });
    expect(r.signals.map((s) => s.id).sort()).toEqual(detectors.map((d) => d.id).sort());
    for (const s of r.signals) expect(s.score !== null || s.reason !== null).toBe(true);
  });
});

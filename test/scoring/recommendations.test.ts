import { describe, expect, it } from 'vitest';
import { catalogKeys, hasKey, t } from '../../src/i18n/index.js';
import { detectors } from '../../src/detectors/index.js';
import { LEVELS } from '../../src/model/result.js';
import { MAX_RECOMMENDATIONS, RECOMMENDATION_RULES, type SignalOutcome, recommend } from '../../src/scoring/recommendations.js';

const facts = { replyLinks: 10, inferredShare: 0, memberMessages: 200, activeMembers: 40 };

/** Outcomes that make every rule apply, with one evidence item per list. */
function everything(): SignalOutcome[] {
  const ev = [{ author: 1 }];
  const values = {
    toBrand: 50, memberReplies: 80, questions: 10, unanswered: 3, answeredByMember: 2, answeredByBrand: 5, memberCoverage: 0.2,
    brandMessageShare: 0.4, membersOnlyAnsweringBrand: 30, membersReplying: 35, coreMembers: 6, askers: 2, supporters: 3,
    messages: 2, members: 2, rentedShare: 0.9, platforms: 'instagram', memberFileMembers: 100, contactable: 10,
    largestMemberGroup: 12, initiatives: 4, share: 0.2,
  };
  const highlights = { unanswered: ev, answeredByMembers: ev, inviteFirst: ev, requests: ev, proposals: ev, initiatives: ev };
  return detectors.map((d) => ({ id: d.id, score: 0.3, values, evidence: ev, highlights }));
}

describe('recommendations catalogue', () => {
  it('every rule has a title and its details in both languages, and serves a registered signal', () => {
    const ids = detectors.map((d) => d.id);
    for (const r of RECOMMENDATION_RULES) {
      expect(hasKey(`rec.${r.id}.title`)).toBe(true);
      expect(ids).toContain(r.signal);
      expect(Object.keys(r.rank).length).toBeGreaterThan(0);
      for (const level of Object.keys(r.rank)) expect(LEVELS).toContain(level);
    }
  });

  it('every detail a rule builds is a key of its own, in both languages', () => {
    const outcomes = everything();
    // the branches: with and without evidence, with and without a member file, all answered or not
    const variants: ((o: SignalOutcome) => SignalOutcome)[] = [
      (o) => o,
      (o) => ({ ...o, evidence: [], values: { ...o.values, unanswered: 0, askers: 0, memberFileMembers: 0 } }),
    ];
    const factVariants = [facts, { ...facts, inferredShare: 0.9, memberMessages: 60 }, { ...facts, formats: ['youtube'] }, { ...facts, formats: ['slack', 'telegram'] }];
    const seen = new Set<string>();
    for (const vary of variants) {
      const byId = new Map(outcomes.map((o) => [o.id, vary(o)]));
      for (const f of factVariants) {
        for (const r of RECOMMENDATION_RULES) {
          const s = byId.get(r.signal)!;
          const { detail } = r.build(s, { signal: (id) => byId.get(id), facts: f });
          expect(detail.key.startsWith(`rec.${r.id}.detail`)).toBe(true);
          expect(t('fr', detail.key, detail.values)).not.toBe(t('en', detail.key, detail.values));
          seen.add(detail.key);
        }
      }
    }
    // the wording for the questionnaire's declared answers, without counts
    for (const r of RECOMMENDATION_RULES) {
      if (!r.declared) continue;
      const key = r.declared.detail ?? `rec.${r.id}.declared`;
      expect(hasKey(key)).toBe(true);
      expect(t('fr', key as never)).not.toBe(t('en', key as never));
      seen.add(key);
    }
    // and no recommendation sentence in the catalogue is left without a rule that uses it
    const recKeys = catalogKeys('en').filter((k) => k.startsWith('rec.') && !k.endsWith('.title'));
    expect(recKeys.filter((k) => !seen.has(k))).toEqual([]);
  });

  it('keeps at most a handful, most important first, for every level', () => {
    for (const level of LEVELS) {
      const recs = recommend(level, everything(), facts);
      expect(recs.length).toBeGreaterThan(0);
      expect(recs.length).toBeLessThanOrEqual(MAX_RECOMMENDATIONS);
      const ranks = recs.map((r) => RECOMMENDATION_RULES.find((x) => x.id === r.id)!.rank[level]!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('an audience is told to seed interactions first; a ready brand to invite its core first; a community to keep creating the conditions', () => {
    expect(recommend('audience', everything(), facts)[0]!.id).toBe('seed-interactions');
    expect(recommend('ready', everything(), facts)[0]!.id).toBe('invite-core');
    expect(recommend('community', everything(), facts)[0]!.id).toBe('create-conditions');
  });

  it('cites its evidence: the members to invite, the questions left open', () => {
    const ready = recommend('ready', everything(), facts);
    expect(ready.find((r) => r.id === 'invite-core')!.evidence).toEqual([{ author: 1 }]);
    expect(ready.find((r) => r.id === 'open-questions')!.evidence).toEqual([{ author: 1 }]);
  });

  it('insufficient data: asks for what is missing, and only that', () => {
    const recs = (f: Partial<typeof facts>) => recommend('insufficient-data', everything(), { ...facts, ...f }).map((r) => [r.id, r.detail.key]);
    // enough messages, but no reply linked at all: the reply column
    expect(recs({ replyLinks: 0 })).toEqual([['add-reply-data', 'rec.add-reply-data.detail']]);
    // too few messages, and no reply either
    expect(recs({ replyLinks: 0, memberMessages: 12 })).toEqual([
      ['add-reply-data', 'rec.add-reply-data.detail'],
      ['collect-more', 'rec.collect-more.detail'],
    ]);
    // replies guessed from message order on too few messages
    expect(recs({ inferredShare: 0.9, memberMessages: 60 })).toEqual([['collect-more', 'rec.collect-more.detail.inferred']]);
  });

  it('does not advise what the data contradicts: no core, no invitation', () => {
    const outcomes = everything().map((o) => (o.id === 'core-group' ? { ...o, values: { ...o.values, coreMembers: 0 } } : o));
    expect(recommend('ready', outcomes, facts).map((r) => r.id)).not.toContain('invite-core');
  });
});

describe('missing reply data: the advice fits the export', () => {
  const none = { replyLinks: 0, inferredShare: 0, memberMessages: 200, activeMembers: 40 };
  const detailFor = (formats: string[], memberMessages = 200) => {
    const r = RECOMMENDATION_RULES.find((x) => x.id === 'add-reply-data')!;
    const s = everything().find((o) => o.id === r.signal)!;
    const ctx = { signal: () => s, facts: { ...none, memberMessages, formats } };
    return r.applies(s, ctx) ? r.build(s, ctx).detail.key : null;
  };

  it('a CSV may lack its parent column: --map can name it', () => {
    expect(detailFor(['csv'])).toBe('rec.add-reply-data.detail');
    expect(t('en', 'rec.add-reply-data.detail')).toContain('--map parent=');
  });

  it('a YouTube export was fetched without replies', () => {
    expect(detailFor(['youtube'])).toBe('rec.add-reply-data.detail.youtube');
  });

  it('a chat export records replies itself: no --map advice, and nothing to add to "collect more" when too short', () => {
    expect(detailFor(['telegram'])).toBe('rec.add-reply-data.detail.native');
    expect(t('en', 'rec.add-reply-data.detail.native')).not.toContain('--map');
    expect(detailFor(['telegram'], 2)).toBeNull();
    expect(detailFor(['csv'], 2)).toBe('rec.add-reply-data.detail');
  });
});

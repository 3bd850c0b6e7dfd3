import { describe, expect, it } from 'vitest';
import { WEEK, build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };
const members = ['ana', 'ben', 'cleo'];

describe('brand-driven-activity', () => {
  it('members only speak under the brand’s posts, within hours of them', () => {
    const s = script();
    for (let w = 0; w < 4; w++) {
      s.at(w * WEEK);
      const p = s.post('brand', 'Nouveau post');
      for (const m of members) s.reply(p, m, 'Top');
    }
    const out = detect('brand-driven-activity', build(s.rows, brand));
    expect(out.values).toMatchObject({ memberMessages: 12, inYourThreads: 12, inYourThreadsShare: 1, withinADayOfAPost: 12, weeksWithPosts: 4, weeksWithoutPosts: 0 });
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.brand-driven-activity.noSilentWeeks');
  });

  it('members keep talking in the weeks the brand is silent, in their own threads', () => {
    const s = script();
    for (let w = 0; w < 4; w++) {
      s.at(w * WEEK);
      if (w % 2 === 0) s.post('brand', 'Nouveau post');
      s.at(w * WEEK + 2 * 24 * 60);
      const q = s.post(members[w % 3]!, 'Une question ?');
      for (const m of members) if (m !== members[w % 3]) s.reply(q, m, 'Une réponse');
    }
    const out = detect('brand-driven-activity', build(s.rows, brand));
    expect(out.values).toMatchObject({ inYourThreads: 0, withinADayOfAPost: 0, weeksWithPosts: 2, weeksWithoutPosts: 2 });
    expect(out.values.memberMessagesPerWeekWithoutPosts).toBe(out.values.memberMessagesPerWeekWithPosts);
    expect(out.score).toBe(1);
    expect(keyOf(out)).toBe('summary.brand-driven-activity');
  });

  it('does not apply without members or without any brand', () => {
    const s = script();
    s.post('brand', 'Bonjour');
    expect(keyOf(detect('brand-driven-activity', build(s.rows, brand)))).toBe('reason.noMembers');
    const t = script();
    t.post('ana', 'Bonjour');
    expect(keyOf(detect('brand-driven-activity', build(t.rows, { brand: ['nobody'] })))).toBe('reason.noBrand');
  });
});

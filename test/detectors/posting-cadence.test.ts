import { describe, expect, it } from 'vitest';
import { correlation } from '../../src/detectors/posting-cadence.js';
import { WEEK, build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

/** Six weeks; the brand posts in even weeks; members speak under its posts, or every week on their own. */
function weeks(membersFollowBrand: boolean) {
  const s = script();
  for (let w = 0; w < 6; w++) {
    s.at(w * WEEK);
    const p = w % 2 === 0 ? s.post('brand', 'Nouveau post') : null;
    if (membersFollowBrand) {
      if (p) for (const m of ['ana', 'ben', 'cleo']) s.reply(p, m, 'Top');
    } else {
      const q = s.post('ana', 'Point de la semaine ?');
      s.reply(q, 'ben', 'Ça avance');
    }
  }
  return build(s.rows, brand);
}

describe('posting-cadence (informative)', () => {
  it('members who only speak in the weeks the brand posts', () => {
    const out = detect('posting-cadence', weeks(true));
    expect(out.values).toMatchObject({ weeks: 5, brandPosts: 3, postsPerWeek: 0.6, weeksWithPosts: 3, weeksWithoutPosts: 2, memberMessagesPerWeekWithoutPosts: 0, correlation: 1 });
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.posting-cadence.silentWeeks');
  });

  it('members who speak every week, whether the brand posts or not', () => {
    const out = detect('posting-cadence', weeks(false));
    expect(out.values).toMatchObject({ memberMessagesPerWeekWithPosts: 2, memberMessagesPerWeekWithoutPosts: 2 });
    expect(out.score).toBe(1);
  });

  it('a brand that posts every week: read from how much it posts', () => {
    const s = script();
    for (let w = 0; w < 6; w++) {
      s.at(w * WEEK);
      for (let p = 0; p <= w % 2; p++) {
        const post = s.post('brand', 'Nouveau post');
        s.reply(post, 'ana', 'Top');
      }
    }
    const out = detect('posting-cadence', build(s.rows, brand));
    expect(out.values).toMatchObject({ weeksWithoutPosts: 0, correlation: 1 });
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.posting-cadence.follows');
  });

  it('needs a few weeks and some posts of the brand', () => {
    const s = script();
    const p = s.post('brand', 'Bonjour');
    s.reply(p, 'ana', 'Salut');
    expect(detect('posting-cadence', build(s.rows, brand)).reason).toEqual({ key: 'reason.periodTooShort', values: { weeks: 1, min: 4 } });
  });

  it('correlation: +1, -1, and none for a flat series', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(correlation([1, 1, 1], [3, 2, 1])).toBeNull();
  });
});

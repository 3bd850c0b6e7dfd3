import { describe, expect, it } from 'vitest';
import { WEEK, build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };
const core = ['ana', 'ben', 'cleo', 'dan', 'eva'];

/** Five members answering each other every week for `weeks` weeks, and one-off visitors. */
function weeksOfExchanges(weeks: number) {
  const s = script();
  for (let w = 0; w < weeks; w++) {
    s.at(w * WEEK);
    for (let i = 0; i < core.length; i++) {
      const q = s.post(core[i]!, 'Vous faites comment ?');
      s.reply(q, core[(i + 1) % core.length]!, 'Comme ça');
    }
    s.post(`visitor${w}`, 'Bonjour');
  }
  return build(s.rows, brand);
}

describe('core-group', () => {
  it('finds the members present in several weeks who answer others, ranks them, and keeps them for the invitation', () => {
    const ds = weeksOfExchanges(4);
    const out = detect('core-group', ds);
    expect(out.values).toMatchObject({ coreMembers: 5, activeMembers: 9, coreShareOfMemberReplies: 1, stillActiveSecondHalf: 5, retention: 1 });
    // the five answer in a ring: a 2-core, no 3-core
    expect(out.values).toMatchObject({ degeneracy: 2, membersInTwoCore: 5 });
    expect(out.score).toBeGreaterThan(0.9);
    expect(out.evidence!.map((e) => ds.authors[e.author!]!.name)).toEqual(core);
    expect(out.evidence![0]!.note).toEqual({ key: 'evidence.coreMember', values: { replies: 4, weeks: 4 } });
    expect(out.highlights!.inviteFirst).toEqual(out.evidence);
  });

  it('no core when people only come once, said without "0 members form a core"', () => {
    const s = script();
    for (let w = 0; w < 3; w++) {
      s.at(w * WEEK);
      const q = s.post(`asker${w}`, 'Une question ?');
      s.reply(q, `helper${w}`, 'Une réponse');
    }
    const out = detect('core-group', build(s.rows, brand));
    expect(out.values.coreMembers).toBe(0);
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.core-group.none');
  });

  it('does not apply to a single week', () => {
    const out = detect('core-group', weeksOfExchanges(1));
    expect(out.score).toBeNull();
    expect(out.reason).toEqual({ key: 'reason.periodTooShort', values: { weeks: 1, min: 2 } });
  });
});

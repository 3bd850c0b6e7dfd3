import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, answers, load, replyLines } from '../../helpers/load.js';

const DIR = join(FIXTURES, 'discourse');
const TOPIC = join(DIR, 't-812.json');

describe('discourse reader', () => {
  it('reads a topic: post #1 is the root, reply_to_post_number is explicit, others answer the topic', async () => {
    const ds = await load([TOPIC]);
    expect(ds.sources[0]).toMatchObject({ format: 'discourse', platform: 'discourse', rowsRead: 8, systemMessages: 1 });
    expect(replyLines(ds)).toEqual([
      'Rafa → Inès (explicit)',
      'Ellen → Inès (thread)',
      'Inès → Rafa (explicit)',
      'Rafa → Inès (explicit)',
      'Tom → Inès (thread)',
      'Inès → Tom (explicit)',
    ]);
    expect(ds.threads).toHaveLength(1);
    expect(ds.threads[0]!.root).toBe(0);
  });

  it('leaves quoted text out of the author’s words', async () => {
    const ds = await load([TOPIC]);
    expect(answers(ds, 'Where do I find that file?')).toBe("Rafa: Run the DRC with the fab's own (explicit)");
  });

  it('takes moderators from the posts, and the admin user list as a member file (CSV or its zip)', async () => {
    for (const members of [join(DIR, 'user-list-250212-210000.csv'), join(DIR, 'user-list-250212-210000-42.zip')]) {
      const ds = await load([TOPIC], {}, members);
      const ellen = ds.members.find((m) => m.id === 'mod_ellen' && m.line > 0)!;
      expect(ellen).toMatchObject({ name: 'Ellen', role: 'moderator', contactable: true, joinedAt: Date.UTC(2023, 0, 5, 10) });
      expect(ds.members.find((m) => m.id === 'admin')!.role).toBe('admin');
      expect(ds.members.find((m) => m.id === 'tomk')).toMatchObject({ role: 'member', contactable: false });
      expect(ds.members.find((m) => m.id === 'jdoe')!.name).toBe('"Doe, John"');
      expect(ds.brand.authors.map((a) => ds.authors[a]!.name)).toEqual(['Ellen']);
      expect(ds.members.filter((m) => m.line > 0 && m.author !== undefined)).toHaveLength(4);
    }
  });
});

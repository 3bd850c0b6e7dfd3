import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, answers, authorNames, find, load } from '../../helpers/load.js';

const SITE = join(FIXTURES, 'stackexchange', 'coffee-lovers');

describe('stackexchange reader', () => {
  it.each([
    ['Posts.xml given alone (Comments.xml and Users.xml read beside it)', join(SITE, 'Posts.xml')],
    ['the dump folder', SITE],
  ])('reads %s', async (_n, path) => {
    const ds = await load([path]);
    expect(ds.sources).toHaveLength(1);
    expect(ds.sources[0]).toMatchObject({ format: 'stackexchange', platform: 'stackexchange', rowsRead: 10, systemMessages: 1 });
    expect(ds.messages.count).toBe(9);
    expect(authorNames(ds)).toEqual(['Arjun', 'Bea', 'Chen', 'Lena', 'anon coffee fan']);
  });

  it('answers the question; comments answer their post, in the question’s thread', async () => {
    const ds = await load([join(SITE, 'Posts.xml')]);
    expect(answers(ds, 'Medium-fine, like table salt')).toBe('Lena: Grind size for pour-over What (explicit)');
    expect(answers(ds, 'Table salt is a great')).toBe('Arjun: Medium-fine, like table salt. (explicit)');
    expect(ds.messages.thread[find(ds, 'Table salt is a great')]).toBe(ds.messages.thread[find(ds, 'Grind size for pour-over')]);
    expect(answers(ds, 'Grind size for pour-over')).toBeNull();
    expect(ds.excerpt(find(ds, 'Start medium-fine'))).toBe('Start medium-fine & adjust: sour means finer, bitter means coarser.');
  });
});

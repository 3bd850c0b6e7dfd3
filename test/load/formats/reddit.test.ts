import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, answers, authorNames, find, load } from '../../helpers/load.js';

const DIR = join(FIXTURES, 'reddit');

describe('reddit reader', () => {
  it.each([
    ['NDJSON', 'Homebrewing_comments.ndjson'],
    ['gzipped NDJSON', 'Homebrewing_comments.ndjson.gz'],
  ])('reads %s: deleted authors and AutoModerator apart, a broken line skipped with its number', async (_n, file) => {
    const ds = await load([join(DIR, file)]);
    expect(ds.sources[0]).toMatchObject({ format: 'reddit', platform: 'reddit', kind: 'comments', rowsRead: 10, systemMessages: 2, rowsSkipped: 1 });
    expect(ds.issues).toContainEqual(expect.objectContaining({ code: 'row-bad-json', line: 10 }));
    expect(authorNames(ds)).toEqual(['brewbetty', 'hopwise', 'maltmonk', 'yeastfeast']);
  });

  it('links t1_ parents explicitly, and top-level comments to the post (t3_) as thread', async () => {
    const ds = await load([join(DIR, 'Homebrewing_comments.ndjson')]);
    expect(answers(ds, 'I used star san')).toBe('maltmonk: Probably an infection. Did you (explicit)');
    expect(answers(ds, 'Probably an infection')).toBe('hopwise: First all-grain batch tastes s (thread)');
    expect(answers(ds, 'Yes, pitch at 18')).toBe('hopwise: Pitched one packet at 24 °C, t (explicit)');
    // created_utc as a string is read too; HTML entities are decoded
    expect(ds.excerpt(find(ds, 'Also check'))).toBe('Also check your fermentation temperature & pitch rate');
  });

  it('takes distinguished moderators as the brand', async () => {
    const ds = await load([join(DIR, 'Homebrewing_comments.ndjson')]);
    expect(ds.brand.authors.map((a) => ds.authors[a]!.name)).toEqual(['yeastfeast']);
  });
});

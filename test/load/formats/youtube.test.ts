import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POST_AUTHOR } from '../../../src/model/dataset.js';
import { FIXTURES, answers, find, load } from '../../helpers/load.js';

const DIR = join(FIXTURES, 'youtube');

describe('youtube reader', () => {
  it('reads comment threads and reply pages as comments under the video', async () => {
    const ds = await load([join(DIR, 'comment-threads.json'), join(DIR, 'replies.json')]);
    expect(ds.sources.map((s) => [s.format, s.kind, s.rowsRead])).toEqual([
      ['youtube', 'comments', 5],
      ['youtube', 'comments', 3],
    ]);
    // one thread: the video, whose author (the channel) is not in the export
    const t = ds.threads[ds.messages.thread[find(ds, 'Loved the slow-motion')]!]!;
    expect(t).toMatchObject({ key: 'video/vidKiln01', root: -1, rootAuthor: POST_AUTHOR });
  });

  it('links a reply to its top-level comment, across files, and to the @handle it names', async () => {
    const ds = await load([join(DIR, 'comment-threads.json'), join(DIR, 'replies.json')]);
    expect(answers(ds, 'I fire the same glaze')).toBe('mariekeramik: What cone do you fire the glaz (thread)');
    // from the second file: the top-level comment is in the first
    expect(answers(ds, 'Usually dust or oil')).toBe('nora.makes: My glaze crawls every time, an (thread)');
    expect(answers(ds, '@leo_clay good to know')).toBe('leo_clay: I fire the same glaze at cone (mention)');
    expect(answers(ds, '@leo_clay that was it')).toBe('leo_clay: Usually dust or oil on the bis (mention)');
    expect(answers(ds, 'What cone do you fire')).toBeNull();
  });

  it('takes the channel’s own comments as the brand’s', async () => {
    const ds = await load([join(DIR, 'comment-threads.json')]);
    expect(ds.brand).toMatchObject({ method: 'roles' });
    expect(ds.brand.authors.map((a) => ds.authors[a]!.name)).toEqual(['potterystudio']);
  });
});

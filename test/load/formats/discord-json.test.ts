import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, authorNames, load, replies, replyLines } from '../../helpers/load.js';

const GENERAL = join(FIXTURES, 'discord', 'Pixel Harbor - Playtest - general [1340000000000000001].json');
const id = (n: number) => String(1350000000000000000n + BigInt(n) * 1000003n);

describe('discord-json reader', () => {
  it('reads people’s messages and counts the join, the pin and the bot apart', async () => {
    const ds = await load([GENERAL]);
    const src = ds.sources[0]!;
    expect(src).toMatchObject({ format: 'discord-json', platform: 'discord', kind: 'chat', rowsRead: 54, systemMessages: 3, rowsSkipped: 0 });
    expect(ds.messages.count).toBe(51);
    expect(authorNames(ds)).not.toContain('MEE6');
    expect(ds.authors).toHaveLength(12);
  });

  it('links replies from reference, and never a forward', async () => {
    const ds = await load([GENERAL]);
    const byId = new Map(replies(ds).map((r) => [r.id, r]));
    // "rotate the second mirror twice" answers Yuki's lighthouse question (explicit)
    expect(byId.get(id(5))).toMatchObject({ to: id(4), author: 'Ada', toAuthor: 'Yuki', kind: 'explicit' });
    // Ben thanks Ada for her tip, a reply to her message, not to the question
    expect(byId.get(id(7))).toMatchObject({ to: id(5), toAuthor: 'Ada' });
    // the forwarded message (reference type Forward) answers nobody
    expect(byId.has(id(21))).toBe(false);
    // "@Hana did you find a workaround" has no reference: the leading mention links it
    expect(byId.get(id(19))).toMatchObject({ toAuthor: 'Hana', kind: 'mention' });
    const kinds = new Set(replies(ds).map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['explicit', 'mention']);
    expect(replyLines(ds).filter((l) => l.endsWith('(explicit)'))).toHaveLength(32);
  });

  it('takes the server’s Team role as the brand', async () => {
    const ds = await load([GENERAL]);
    expect(ds.brand.method).toBe('roles');
    expect(ds.brand.authors.map((a) => ds.authors[a]!.name).sort()).toEqual(['Lina (Pixel Harbor)', 'Marc']);
  });

  it('keeps snowflake ids exact (they exceed 2^53)', async () => {
    const ds = await load([GENERAL]);
    expect(ds.messageId(0)).toBe(id(2));
    expect(ds.authors.some((a) => a.key === '301000000000000003')).toBe(true);
  });
});

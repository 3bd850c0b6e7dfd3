import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derive/index.js';
import { platformBreakdown } from '../../src/derive/platforms.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { build } from '../helpers/dataset.js';
import { FIXTURES, load } from '../helpers/load.js';

describe('platformBreakdown', () => {
  it('splits messages, authors and who answers whom by platform', () => {
    const ds = build(
      [
        { id: 'p1', author: 'Brand', at: 0, platform: 'instagram', thread: 'post1' },
        { id: 'c1', author: 'Ana', at: 1, platform: 'instagram', thread: 'post1', parent: 'p1' },
        { id: 'c2', author: 'Bo', at: 2, platform: 'instagram', thread: 'post1', parent: 'p1' },
        { id: 's1', author: 'Ana', at: 3, platform: 'slack', thread: 's1' },
        { id: 's2', author: 'Cy', at: 4, platform: 'slack', thread: 's1', parent: 's1' },
        { id: 's3', author: 'Ana', at: 5, platform: 'slack', thread: 's1', parent: 's2' },
      ],
      { brand: ['Brand'] },
    );
    const rows = platformBreakdown(ds, derive(ds));
    expect(rows).toEqual([
      { platform: 'instagram', messages: 3, share: 0.5, authors: 3, activeMembers: 2, memberMessages: 2, brandMessages: 1, memberToMember: 0, memberToBrand: 2 },
      { platform: 'slack', messages: 3, share: 0.5, authors: 2, activeMembers: 2, memberMessages: 3, brandMessages: 0, memberToMember: 2, memberToBrand: 0 },
    ]);
    // Ana of Instagram and Ana of Slack are two authors: nothing says they are one person
    expect(ds.authors.filter((a) => a.key === 'Ana').map((a) => a.platform)).toEqual(['instagram', 'slack']);
  });

  it('puts exports of several platforms in one dataset, and the breakdown in the report', async () => {
    const ds = await load([join(FIXTURES, 'slack', 'lumen-early-users.zip'), join(FIXTURES, 'whatsapp', 'Discussion WhatsApp avec Foulées du Canal.txt'), join(FIXTURES, 'youtube', 'comment-threads.json')]);
    expect(ds.sources.map((s) => s.platform)).toEqual(['slack', 'whatsapp', 'youtube']);
    const result = runAudit(ds, { lang: 'en', generatedAt: new Date(0) });
    const byPlatform = Object.fromEntries(result.input.platforms.map((p) => [p.platform, p]));
    expect(Object.keys(byPlatform).sort()).toEqual(['slack', 'whatsapp', 'youtube']);
    expect(byPlatform.slack!.messages).toBe(38);
    expect(byPlatform.whatsapp!.messages).toBe(41);
    expect(byPlatform.youtube!.messages).toBe(5);
    expect(result.input.platforms.reduce((s, p) => s + p.messages, 0)).toBe(result.input.messages);
    // top-level YouTube comments answer the video, so the channel: member→brand
    expect(byPlatform.youtube!.memberToBrand).toBeGreaterThanOrEqual(3);
  });
});

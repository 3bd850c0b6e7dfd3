import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelFromFileName, countReactions } from '../../../src/load/formats/discord-csv.js';
import { FIXTURES, load, replyLines } from '../../helpers/load.js';

const VOICE = join(FIXTURES, 'discord', 'Pixel Harbor - Playtest - voice-chat [1340000000000000002].csv');

describe('discord-csv reader', () => {
  it('is recognized by its header, not as a generic CSV', async () => {
    const ds = await load([VOICE]);
    expect(ds.sources[0]).toMatchObject({ format: 'discord-csv', platform: 'discord', rowsRead: 8, systemMessages: 2 });
    expect(ds.messages.count).toBe(6);
  });

  // the Author column holds the username (DiscordChatExporter writes User.FullName there)
  it('has no reply data: a leading @name, then the previous speaker', async () => {
    const ds = await load([VOICE]);
    expect(replyLines(ds)).toEqual([
      'farah.k → tomas_r (inferred)',
      'benji → farah.k (inferred)',
      'tomas_r → benji (mention)',
      'benji → tomas_r (inferred)',
    ]);
  });

  it('keeps a multi-line message whole and sums reactions', async () => {
    const ds = await load([VOICE]);
    const k = [...Array(ds.messages.count).keys()].find((i) => ds.excerpt(i).startsWith('Here:'))!;
    expect(ds.excerpt(k)).toBe('Here: "reef-map.png"');
    expect(ds.messages.line[k]).toBe(7);
    expect(countReactions('❤ (1),gg (2)')).toBe(3);
    expect(countReactions('')).toBeUndefined();
  });

  it('names the channel after DiscordChatExporter’s file name', () => {
    expect(channelFromFileName('out/Pixel Harbor - Playtest - voice-chat [1340000000000000002].csv')).toBe('Playtest › voice-chat');
    expect(channelFromFileName('Guild - general [1] [part 2].csv')).toBe('general');
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackText } from '../../../src/load/formats/slack.js';
import { FIXTURES, answers, authorNames, load } from '../../helpers/load.js';

const FOLDER = join(FIXTURES, 'slack', 'lumen-early-users');
const ZIP = join(FIXTURES, 'slack', 'lumen-early-users.zip');

describe('slack reader', () => {
  it.each([
    ['the zip Slack sends', ZIP],
    ['the unzipped folder', FOLDER],
  ])('reads %s as one source: people’s messages, joins, bots and tombstones apart', async (_name, path) => {
    const ds = await load([path]);
    expect(ds.sources).toHaveLength(1);
    expect(ds.sources[0]).toMatchObject({ format: 'slack', platform: 'slack', kind: 'chat', rowsRead: 41, systemMessages: 3 });
    expect(ds.messages.count).toBe(38);
    expect(authorNames(ds)).toEqual(['Jules', 'Kai', 'Léa', 'Mia', 'Noor', 'Omar', 'Priya (Lumen)', 'Rosa', 'Sam (Lumen)', 'Teo', 'Wren']);
    expect(ds.channels.filter(Boolean).sort()).toEqual(['general', 'help']);
  });

  it('answers a thread’s root, even from a later day file', async () => {
    const ds = await load([ZIP]);
    // Rosa's question (day 1) answered by Jules in its thread
    expect(answers(ds, 'Type [[ and start typing')).toBe('Rosa: How do you link two notes toge (thread)');
    // Teo's offline question, answered the next day: the reply sits in a later day file
    expect(answers(ds, 'It does, edits sync when')).toBe('Teo: Does the sync work offline? I (thread)');
    // a thread_broadcast reply is in the thread too
    expect(answers(ds, 'I will join too!')).toBe('Mia: Anyone using Lumen with a Zett (thread)');
    // top-level messages answer nobody
    expect(answers(ds, 'Hi all, I use it for my PhD')).toBeNull();
  });

  it('turns <@U…> into @name, so a leading mention inside a thread says whom', async () => {
    const ds = await load([ZIP]);
    expect(answers(ds, '@Omar Thursday 6pm CET')).toBe('Omar: Same here, let us do a call an (mention)');
    expect(answers(ds, '@Rosa works for me')).toBe('Rosa: Yes! First Friday of the month (mention)');
  });

  it('takes owners and admins from users.json as the brand, and users.json as the member list', async () => {
    const ds = await load([ZIP]);
    expect(ds.brand.method).toBe('roles');
    expect(ds.brand.authors.map((a) => ds.authors[a]!.name).sort()).toEqual(['Priya (Lumen)', 'Sam (Lumen)']);
    // the deleted user and the bot are not members
    expect(ds.members).toHaveLength(11);
    expect(ds.members.filter((m) => m.contactable)).toHaveLength(2);
  });

  it('reads a single day file, its folder naming the channel', async () => {
    const ds = await load([join(FOLDER, 'help', '2025-01-07.json')]);
    expect(ds.sources[0]).toMatchObject({ format: 'slack', rowsRead: 2 });
    expect(ds.channels).toContain('help');
  });

  it('renders Slack markup as text', () => {
    const users = new Map([['U1', { name: 'Ana', bot: false }]]);
    expect(slackText('<@U1>: see <https://example.org/a|the doc> in <#C1|general> &amp; <!here>', users)).toBe('@Ana: see the doc https://example.org/a in #general & @here');
  });
});

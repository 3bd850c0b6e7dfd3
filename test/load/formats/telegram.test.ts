import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixHexEscapes } from '../../../src/load/json-document.js';
import { telegramText } from '../../../src/load/formats/telegram.js';
import { FIXTURES, answers, authorNames, find, load, replies } from '../../helpers/load.js';

const DIR = join(FIXTURES, 'telegram');

describe('telegram reader', () => {
  it('reads one chat: service messages apart, the \\xHH escapes Telegram writes, text as string or array', async () => {
    const ds = await load([join(DIR, 'result.json')]);
    expect(ds.sources[0]).toMatchObject({ format: 'telegram', platform: 'telegram', rowsRead: 11, systemMessages: 3 });
    expect(ds.messages.count).toBe(8);
    expect(ds.excerpt(find(ds, 'Je viens !'))).toBe('Je viens ! Trace ici : https://www.strava.com/routes/123');
    expect(ds.excerpt(find(ds, 'Bonjour ! Quel rythme'))).toBe('Bonjour ! Quel rythme pour dimanche ? Je roule à 25 km/h environ');
    // a deleted account (from: null) is still one author, keyed by its id
    expect(authorNames(ds)).toEqual(['Deleted Account', 'Elsa', 'Karim', 'Malo', 'Zoé']);
  });

  it('links reply_to_message_id, and a leading @mention otherwise', async () => {
    const ds = await load([join(DIR, 'result.json')]);
    expect(answers(ds, '25, c’est parfait')).toBe('Elsa: Bonjour ! Quel rythme pour dim (explicit)');
    expect(answers(ds, 'Oui, je l’amène')).toBe('Karim: @malo tu as une pompe à prêter (explicit)');
    expect(answers(ds, '@malo tu as une pompe')).toBe('Malo: 25, c’est parfait, on fait des (mention)');
    expect(replies(ds)).toHaveLength(5);
  });

  it('reads groups and channels of a whole-account export, not personal chats, and a forum topic is not a reply', async () => {
    const ds = await load([join(DIR, 'full-export.json')]);
    expect(ds.messages.count).toBe(11);
    expect(ds.channels.filter(Boolean).sort()).toEqual(['Vélo du dimanche', 'Vélo — forum']);
    expect(ds.issues).toContainEqual(expect.objectContaining({ code: 'telegram-private-chats', values: { count: 1 } }));
    // messages "replying" to the topic_created service message are in the topic, not answers
    expect(answers(ds, 'Quels pneus pour le gravel')).toBeNull();
    expect(answers(ds, 'Je confirme, même en ville')).toBeNull();
    expect(answers(ds, 'Des 40 mm tubeless')).toBe('Karim: Quels pneus pour le gravel ? (explicit)');
    expect(ds.threads[ds.messages.thread[find(ds, 'Je confirme')]!]).toBe(ds.threads[ds.messages.thread[find(ds, 'Quels pneus')]!]);
  });

  it('rewrites \\xHH as JSON escapes, leaving an escaped backslash alone', () => {
    expect(JSON.parse(fixHexEscapes('"a\\x0bb"'))).toBe('a\u000bb');
    expect(JSON.parse(fixHexEscapes('"C:\\\\x41"'))).toBe('C:\\x41');
    expect(telegramText(['a ', { type: 'bold', text: 'b' }, ' c'])).toBe('a b c');
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { cleanAuthor, parseHeader } from '../../../src/load/formats/whatsapp.js';
import { FIXTURES, answers, authorNames, find, load, replyLines } from '../../helpers/load.js';

const DIR = join(FIXTURES, 'whatsapp');
const CLUB = join(DIR, 'Discussion WhatsApp avec Foulées du Canal.txt');
const BOOKS = join(DIR, 'WhatsApp Chat with Maple Book Club.txt');
const POTTERY = join(DIR, 'Atelier Céramique.zip');

describe('whatsapp line grammar', () => {
  it.each([
    ['12/07/2017, 22:35 - Johannes Gruber: <Media omitted>', '12/07/2017', '22:35', false],
    ['26/09/2019 à 22:39 - XXX: Salut :)', '26/09/2019', '22:39', false],
    ['12/03/2025 09:14 - Fatou: Bonjour', '12/03/2025', '09:14', false],
    ['6/13/23, 7:35\u202fPM - Salim Khan: Hi', '6/13/23', '7:35 PM', false],
    ['3/6/18, 1:55 p.m. - a: IMG-20210428-WA0001.jpg (file attached)', '3/6/18', '1:55 p.m.', false],
    ['28/3/2025, 9:29\u202fp.\u00a0m. - user1: hola', '28/3/2025', '9:29 p. m.', false],
    ['13.6.2018 klo 21.25.15 - a: m', '13.6.2018', '21.25.15', false],
    ['[31/12/2022 11:40:26] John Doe: <attached: 00000001-AUDIO.opus>', '31/12/2022', '11:40:26', true],
    ['\u200e[2020-06-01, 12:00:06] Person 1: \u200e<attached: some-image.jpg>', '2020-06-01', '12:00:06', true],
    ['[14/10/2021, 3:34:09\u202fPM] Ana: hi', '14/10/2021', '3:34:09 PM', true],
  ])('%s', (line, date, time, ios) => {
    expect(parseHeader(line)).toMatchObject({ date, time, ios });
  });

  it('reads continuation lines as no header', () => {
    expect(parseHeader('over multiple lines!')).toBeNull();
    expect(parseHeader('Rendez-vous le 12/03 à 9 h')).toBeNull();
  });

  it('masks phone numbers used as names and drops the non-contact mark', () => {
    expect(cleanAuthor('+33 6 12 34 56 78')).toEqual({ key: '+33 6 12 34 56 78', name: '[phone …78]' });
    expect(cleanAuthor('~\u202fNev')).toEqual({ key: 'Nev', name: 'Nev' });
  });
});

describe('whatsapp reader', () => {
  it('reads a French Android export: messages, group events and deletions apart, multi-line kept', async () => {
    const ds = await load([CLUB]);
    expect(ds.sources[0]).toMatchObject({ format: 'whatsapp', platform: 'whatsapp', kind: 'chat', rowsRead: 47, systemMessages: 6 });
    expect(ds.messages.count).toBe(41);
    expect(authorNames(ds)).toEqual(['Amélie', 'Camille', 'Claire', 'Inès', 'Julien', 'Lucas', 'Mehdi', 'Nathalie', 'Paul', 'Sarah', 'Thomas', '[phone …78]']);
    // the continuation line belongs to Paul's message
    expect(ds.excerpt(find(ds, 'Moi aussi, je propose'))).toBe('Moi aussi, je propose 9 h à Bastille et on finit par un café pour ceux qui veulent');
    // the edit marker is not text; media is an empty message
    expect(ds.excerpt(find(ds, 'Parfait, je crée un événement'))).not.toContain('modifié');
    expect(ds.messages.line[find(ds, 'Super choix')]).toBe(15);
  });

  it('infers replies from the previous speaker within 30 minutes, not across a silence', async () => {
    const ds = await load([CLUB]);
    expect(answers(ds, 'Top, je serai là')).toBe('Camille: Bienvenue dans le groupe du cl (inferred)');
    expect(answers(ds, 'Oui, le local est ouvert')).toBe("Sarah: Moi aussi ! Quelqu'un sait si (inferred)");
    // Claire's welcome comes 12 hours after the last message: nobody is answered
    expect(answers(ds, 'Bonjour à tous ! Nouvelle au club')).toBeNull();
    expect(new Set(replyLines(ds).map((l) => l.replace(/.*\(/, '')))).toEqual(new Set(['inferred)']));
  });

  it('reads an English iPhone export: 12-hour clock, month first, invisible marks, notices from the group', async () => {
    const ds = await load([BOOKS]);
    expect(ds.sources[0]).toMatchObject({ rowsRead: 14, systemMessages: 4 });
    expect(authorNames(ds)).toEqual(['Grace', 'Nev', 'Omar', 'Priya']);
    expect(ds.period).toEqual({ start: Date.UTC(2025, 1, 3, 19, 2, 40), end: Date.UTC(2025, 1, 13, 10, 30) });
    expect(answers(ds, '@Nev no spoilers')).toBe('Nev: Love it, I started it last yea (mention)');
    expect(ds.excerpt(find(ds, 'Chapter 4'))).toBe('Chapter 4 is so dense. Does anyone have notes on the Handdara? Asking for a friend (me)');
  });

  it('reads the zip an iPhone makes, _chat.txt inside, French notices left out', async () => {
    const ds = await load([POTTERY]);
    expect(ds.sources).toHaveLength(1);
    expect(ds.sources[0]).toMatchObject({ file: `${POTTERY}/_chat.txt`, rowsRead: 10, systemMessages: 3 });
    expect(authorNames(ds)).toEqual(['Anne', 'Bruno', 'Chloé', 'Denis']);
    expect(ds.period!.end).toBe(Date.UTC(2026, 1, 14, 18, 5, 33));
  });

  it('says clearly when the date format is not recognized', async () => {
    const error = await load([join(DIR, 'unknown-date-format.txt')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('error.whatsappDateFormat');
    expect((error as InputError).ref.values?.line).toContain('2025年3月3日 18:05');
  });
});

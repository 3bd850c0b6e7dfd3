import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { t } from '../../src/i18n/index.js';
import { recordBreaks } from '../../src/load/formats/csv.js';
import { type LoadOptions, loadDataset, openFile } from '../../src/load/index.js';
import { ReplyKindCode } from '../../src/model/dataset.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir();
const base: LoadOptions = { map: {}, lang: 'en' };

async function load(content: string | Buffer, options: Partial<LoadOptions> = {}, name = 'c.csv') {
  const path = tmp.file(name, content);
  return loadDataset([await openFile(path)], { ...base, ...options });
}

async function loadError(content: string | Buffer, options: Partial<LoadOptions> = {}): Promise<string> {
  try {
    await load(content, options);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const ref = (e as InputError).ref;
    return t('en', ref.key, ref.values);
  }
  throw new Error('expected an InputError');
}

const simple = 'author,date,text,parent_id,id\nalice,2025-01-02T10:00:00Z,Hello,,1\nbob,2025-01-02T11:00:00Z,Hi alice,1,2\n';

describe('reading a comment CSV as people have it', () => {
  const cases: [string, string | Buffer][] = [
    ['plain UTF-8', simple],
    ['UTF-8 with a BOM', '\ufeff' + simple],
    ['CRLF line ends', simple.replace(/\n/g, '\r\n')],
    ['semicolons', simple.replace(/,/g, ';')],
    ['tabs', simple.replace(/,/g, '\t')],
    ['UTF-16 LE with BOM (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(simple.replace(/,/g, '\t'), 'utf-16le')])],
    ['UTF-16 LE without BOM', iconv.encode(simple, 'utf-16le')],
  ];
  it.each(cases)('%s: two messages, one reply', async (_name, content) => {
    const ds = await load(content);
    expect(ds.messages.count).toBe(2);
    expect(ds.authors.map((a) => a.name).sort()).toEqual(['alice', 'bob']);
    const bob = ds.authors.findIndex((a) => a.name === 'bob');
    const k = [...ds.messages.author].indexOf(bob);
    expect(ds.messages.parent[k]).toBe([...ds.messages.author].indexOf(ds.authors.findIndex((a) => a.name === 'alice')));
    expect(ds.messages.replyKind[k]).toBe(ReplyKindCode.explicit);
  });

  it('reads Windows-1252 as French Excel saves it (accents, apostrophes, œ)', async () => {
    const text = 'Auteur;Publié le;Commentaire\r\nJérôme Lefèvre;31/01/2025 09:15;C’est très réussi, bœuf compris\r\nÉlodie;01/02/2025 10:00;Déjà vu ?\r\n';
    const ds = await load(iconv.encode(text, 'windows-1252'));
    expect(ds.authors.map((a) => a.name).sort()).toEqual(['Jérôme Lefèvre', 'Élodie']);
    expect(ds.excerpt(0)).toBe('C’est très réussi, bœuf compris');
    expect(new Date(ds.messages.createdAt[0]!).toISOString()).toBe('2025-01-31T09:15:00.000Z');
  });

  it('keeps quoted newlines inside a text and counts lines correctly for later rows', async () => {
    const text = 'author,date,text\nann,2025-01-02T10:00:00Z,"first line\nsecond line"\n,2025-01-02T11:00:00Z,no author here\n';
    const ds = await load(text);
    expect(ds.messages.count).toBe(1);
    expect(ds.excerpt(0)).toBe('first line second line');
    expect(ds.issues).toContainEqual(expect.objectContaining({ code: 'row-no-author', line: 4 }));
    expect(ds.sources[0]!.rowsSkipped).toBe(1);
  });

  it('maps French and English headers, ignoring case and accents', async () => {
    const ds = await load('AUTEUR;PUBLIE LE;Contenu;En réponse à;J’aime;Plateforme\nNina;2025-03-01 10:00;Bonjour;;4;Instagram\n');
    expect(ds.messages.count).toBe(1);
    expect(ds.messages.reactions[0]).toBe(4);
    expect(ds.authors[0]!.platform).toBe('instagram');
  });

  it('maps a header followed by a remark in brackets, an exact header winning over it', async () => {
    const ds = await load('Name (click to view profile),Date (UTC),Comment,Likes (total)\nNina,2025-03-01 10:00,Bonjour,4\n');
    expect(ds.authors[0]!.name).toBe('Nina');
    expect(ds.messages.reactions[0]).toBe(4);
    expect(new Date(ds.messages.createdAt[0]!).toISOString()).toBe('2025-03-01T10:00:00.000Z');
    const exact = await load('Name (click to view profile),Username,Date,Comment\nNina Martin,nina.m,2025-03-01 10:00,Bonjour\n');
    expect(exact.authors[0]!.name).toBe('nina.m');
  });

  it('lets --map name the column that holds a field', async () => {
    const ds = await load('Qui,Quand,Quoi\nNina,2025-03-01 10:00,Bonjour\n', { map: { author: 'Qui', date: 'Quand', text: 'Quoi' } });
    expect(ds.authors[0]!.name).toBe('Nina');
  });

  it('uses an author id column as the stable key and the name for display', async () => {
    const ds = await load('author_id,author,date,text\n42,Nina,2025-03-01 10:00,a\n42,Nina B.,2025-03-02 10:00,b\n');
    expect(ds.authors).toHaveLength(1);
    expect(ds.authors[0]!.key).toBe('42');
  });
});

describe('files that cannot be used', () => {
  it('names the file, the missing field, the headers found and the --map that fixes it', async () => {
    const message = await loadError('Qui,date,text\nNina,2025-03-01,Bonjour\n');
    expect(message).toMatch(/c\.csv/);
    expect(message).toMatch(/author/);
    expect(message).toMatch(/"Qui"/);
    expect(message).toMatch(/--map author=/);
  });

  it('says the file is empty', async () => {
    expect(await loadError('')).toMatch(/empty/);
  });

  it('says no row could be used, and why', async () => {
    const message = await loadError('author,date,text\nNina,not a date,Bonjour\nLéo,yesterday,Salut\n');
    expect(message).toMatch(/none of its 2 rows/);
    expect(message).toMatch(/row-bad-date/);
  });

  it('recognizes a PNG renamed .csv', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
    expect(await loadError(png)).toMatch(/PNG image/);
  });
});

describe('threads and replies', () => {
  it('keeps both messages of a duplicated id and warns with the line', async () => {
    const ds = await load('id,author,date,text\n1,ann,2025-01-02 10:00,a\n1,bob,2025-01-02 11:00,b\n');
    expect(ds.messages.count).toBe(2);
    expect(ds.issues).toContainEqual(expect.objectContaining({ code: 'duplicate-id', line: 3 }));
  });

  it('counts a reply to an unknown message as top-level and says so', async () => {
    const ds = await load('id,author,date,text,parent_id\n1,ann,2025-01-02 10:00,a,\n2,bob,2025-01-02 11:00,b,99\n');
    expect([...ds.messages.parent]).toEqual([-1, -1]);
    expect(ds.issues).toContainEqual(expect.objectContaining({ code: 'unknown-parent', line: 3 }));
  });

  it('cuts a reply cycle instead of looping', async () => {
    const ds = await load('id,author,date,text,parent_id\n1,ann,2025-01-02 10:00,a,3\n2,bob,2025-01-02 11:00,b,1\n3,cid,2025-01-02 12:00,c,2\n');
    expect(ds.issues.some((i) => i.code === 'reply-cycle')).toBe(true);
    // after the cut, following parents from any message ends
    for (let k = 0; k < ds.messages.count; k++) {
      let p = k;
      for (let steps = 0; p >= 0; steps++) {
        expect(steps).toBeLessThan(10);
        p = ds.messages.parent[p]!;
      }
    }
  });

  it('links a leading @name to the earlier message of that author in the same post', async () => {
    const ds = await load('post,author,date,text\nP1,ann,2025-01-02 10:00,Des idées ?\nP1,bob,2025-01-02 11:00,@ann essaie ça\n', { platform: 'instagram' });
    expect(ds.messages.parent[1]).toBe(0);
    expect(ds.messages.replyKind[1]).toBe(ReplyKindCode.mention);
  });

  it('infers replies in a chat with no reply column, from the previous speaker', async () => {
    const ds = await load('author,date,text\nann,2025-01-02 10:00,On se voit jeudi ?\nbob,2025-01-02 10:05,Oui !\nbob,2025-01-02 10:06,Je ramène des croissants\ncid,2025-01-02 18:00,Trop tard pour moi\n');
    expect([...ds.messages.parent]).toEqual([-1, 0, -1, -1]);
    expect(ds.messages.replyKind[1]).toBe(ReplyKindCode.inferred);
  });

  it('orders rows canonically: shuffled rows give the same dataset', async () => {
    const rows = ['1,ann,2025-01-02 10:00,a,', '2,bob,2025-01-02 11:00,b,1', '3,cid,2025-01-03 12:00,c,2', '4,ann,2025-01-04 12:00,d,3'];
    const head = 'id,author,date,text,parent_id\n';
    const a = await load(head + rows.join('\n'));
    const b = await load(head + [...rows].reverse().join('\n'));
    expect([...b.messages.parent]).toEqual([...a.messages.parent]);
    expect(b.authors.map((x) => x.key)).toEqual(a.authors.map((x) => x.key));
  });
});

describe('brand accounts', () => {
  const comments = 'post,id,parent_id,author,date,text\n' + [
    'P1,1,,ann,2025-01-02 10:00,Superbe',
    'P1,2,1,brand,2025-01-02 10:30,Merci Ann',
    'P1,3,,bob,2025-01-02 11:00,Prix ?',
    'P1,4,3,brand,2025-01-02 11:30,35 €',
    'P1,5,,cid,2025-01-02 12:00,Dispo ?',
    'P1,6,5,brand,2025-01-02 12:30,Oui',
  ].join('\n');

  it('detects the account that answers the most people, and says how sure it is', async () => {
    const ds = await load(comments);
    expect(ds.brand.method).toBe('detected-answers');
    expect(ds.brand.authors.map((a) => ds.authors[a]!.name)).toEqual(['brand']);
    expect(ds.brand.certainty).toBeGreaterThan(0.5);
  });

  it('several platforms: one brand account per platform, none where a group of peers stands alone', async () => {
    // the same CSV layout with a platform column: a brand on Instagram, a founder answering
    // everyone on LinkedIn, and a Facebook thread of peers answering each other in turn
    const rows = [
      ...comments.split('\n').slice(1).map((r) => `${r},instagram`),
      'L1,11,,dan,2025-01-03 10:00,Bonjour,linkedin',
      'L1,12,11,marie,2025-01-03 10:30,Merci Dan,linkedin',
      'L1,13,,eve,2025-01-03 11:00,Top,linkedin',
      'L1,14,13,marie,2025-01-03 11:30,Merci Eve,linkedin',
      'L1,15,,fay,2025-01-03 12:00,Bravo,linkedin',
      'L1,16,15,marie,2025-01-03 12:30,Merci Fay,linkedin',
      'F1,21,,gus,2025-01-04 10:00,Qui vient ?,facebook',
      'F1,22,21,hal,2025-01-04 10:30,Moi,facebook',
      'F1,23,22,gus,2025-01-04 11:00,Super,facebook',
      'F1,24,23,hal,2025-01-04 11:30,À demain,facebook',
    ];
    const ds = await load('post,id,parent_id,author,date,text,platform\n' + rows.join('\n'));
    const named = ds.brand.authors.map((a) => `${ds.authors[a]!.name} (${ds.authors[a]!.platform})`);
    expect(named.sort()).toEqual(['brand (instagram)', 'marie (linkedin)']);
    expect(ds.brand.method).toBe('detected-answers');
    // on its own, each platform gives the same account
    const alone = await load(comments);
    expect(alone.brand.authors.map((a) => alone.authors[a]!.name)).toEqual(['brand']);
  });

  it('takes --brand over detection', async () => {
    const ds = await loadDataset([await openFile(tmp.file('b.csv', comments))], { ...base, brand: ['ann'] });
    expect(ds.brand).toMatchObject({ method: 'option', certainty: 1 });
    expect(ds.brand.authors.map((a) => ds.authors[a]!.name)).toEqual(['ann']);
  });

  it('takes the owner and staff roles of the member file', async () => {
    const members = await openFile(tmp.file('m.csv', 'username,role,email\nbob,Admin,bob@example.org\nann,member,\n'));
    const ds = await loadDataset([await openFile(tmp.file('b2.csv', comments))], base, members);
    expect(ds.brand.method).toBe('roles');
    expect(ds.brand.authors.map((a) => ds.authors[a]!.name)).toEqual(['bob']);
    expect(ds.members.find((m) => m.id === 'bob')).toMatchObject({ role: 'admin', contactable: true });
    // the e-mail itself is never kept
    expect(JSON.stringify(ds.members)).not.toMatch(/example\.org/);
  });
});

describe('recordBreaks (the row-count guess for reserving columns)', () => {
  it('counts line feeds between records, not those inside quoted fields', () => {
    const cases: [string, number][] = [
      ['id,text\n1,a\n2,b\n', 3],
      ['id,text\n1,"two\nlines"\n2,"say ""hi""\nthere"\n', 3],
      ['id,text\r\n1,"a\r\nb"\r\n', 2],
      ['id,text\n1,"cut in the mid\n', 1],
    ];
    for (const [text, breaks] of cases) expect(recordBreaks(Buffer.from(text))).toBe(breaks);
  });
});

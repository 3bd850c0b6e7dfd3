import { describe, expect, it } from 'vitest';
import { createDatasetBuilder } from '../../src/load/builder.js';
import type { Dataset } from '../../src/model/dataset.js';
import { preparePrivacy } from '../../src/privacy/anonymize.js';
import { AuditResult } from '../../src/model/result.js';
import { renderJson } from '../../src/render/json.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { DAY, MIN, T0 } from '../helpers/dataset.js';

interface Person {
  key: string;
  name: string;
}

const PEOPLE: Person[] = [
  { key: 'U100', name: 'Léa Martin' },
  { key: 'U200', name: 'Karim Benali' },
  { key: 'U300', name: 'marie_k' },
  { key: 'U400', name: 'jojo.75' },
  { key: 'U500', name: 'Chloé Dubois' },
  { key: 'U600', name: 'paul@exemple.fr' },
];
const BRAND: Person = { key: 'B1', name: 'Atelier Lune' };

/** A small community over three weeks where everybody answers everybody, mentions included. */
function community(order: 'forward' | 'reverse' = 'forward', people = PEOPLE, brand = [BRAND.key]): Dataset {
  const b = createDatasetBuilder();
  const src = b.addSource({ file: 'slack.csv', format: 'csv', kind: 'chat', platform: 'slack', links: 'parent' });
  const rows: Parameters<typeof b.addMessage>[1][] = [];
  let id = 0;
  for (let week = 0; week < 3; week++) {
    for (let i = 0; i < people.length; i++) {
      const a = people[i]!;
      const to = people[(i + 1) % people.length]!;
      const root = `r${++id}`;
      rows.push({ id: root, authorKey: a.key, authorName: a.name, createdAt: T0 + week * 7 * DAY + i * 60 * MIN, text: `Quelqu’un sait comment faire ? écrivez à ${a.key.toLowerCase()}@exemple.org ou au 06 12 34 56 7${i}`, line: id + 1 });
      rows.push({ id: `a${++id}`, authorKey: to.key, authorName: to.name, createdAt: T0 + week * 7 * DAY + i * 60 * MIN + 5 * MIN, text: `@${a.name} oui, ${a.name} : demande à <@${people[(i + 2) % people.length]!.key}>, merci ${BRAND.name}`, parentId: root, line: id + 1 });
    }
    rows.push({ id: `b${++id}`, authorKey: BRAND.key, authorName: BRAND.name, createdAt: T0 + week * 7 * DAY + 3 * DAY, text: `Merci @${PEOPLE[0]!.name} et @inconnu_total !`, line: id + 1 });
  }
  for (const r of order === 'forward' ? rows : [...rows].reverse()) b.addMessage(src, r);
  return b.finish({ brand });
}

function report(ds: Dataset, options: { anonymize: boolean; salt?: string; lang?: 'fr' | 'en'; brand?: string[] }) {
  const lang = options.lang ?? 'en';
  const privacy = preparePrivacy(ds, { anonymize: options.anonymize, lang, ...(options.salt !== undefined ? { salt: options.salt } : {}), ...(options.brand ? { brand: options.brand } : {}) });
  const result = privacy.protect(runAudit(privacy.dataset, { lang, nameOf: privacy.nameOf, generatedAt: new Date(0), version: 'test' }));
  return { result, json: renderJson(result) };
}

describe('without --anonymize', () => {
  it('names people as they are, but masks e-mails and phones everywhere, names included', () => {
    const { json } = report(community(), { anonymize: false });
    expect(json).toContain('Karim Benali');
    expect(json).not.toMatch(/@exemple\.(org|fr)/);
    expect(json).not.toMatch(/06 12 34 56 7\d/);
    expect(json).toContain('[e-mail]');
  });
});

describe('with --anonymize', () => {
  it('no name, key or member id of the input survives anywhere in the report', () => {
    const { json, result } = report(community(), { anonymize: true, brand: [BRAND.key] });
    AuditResult.parse(result);
    for (const p of [...PEOPLE, BRAND]) {
      expect(json).not.toContain(p.name);
      expect(json).not.toContain(p.key);
      expect(json.toLowerCase()).not.toContain(p.name.toLowerCase());
    }
    expect(json).not.toContain('inconnu_total');
    // the report still names people: by pseudonym, and the brand as a brand
    expect(result.input.brand.accounts).toEqual([expect.stringMatching(/^Brand [0-9A-F]{6}$/)]);
    const authors = result.signals.flatMap((s) => s.evidence).map((e) => e.author).filter(Boolean);
    expect(authors.length).toBeGreaterThan(0);
    for (const a of authors) expect(a).toMatch(/^(Member|Brand) [0-9A-F]{6,}$/);
  });

  it('gives a person the same pseudonym as author and in the @mentions of others', () => {
    const ds = community();
    const privacy = preparePrivacy(ds, { anonymize: true, lang: 'en' });
    const lea = ds.authors.findIndex((a) => a.name === 'Léa Martin');
    const pseudonym = privacy.nameOf(lea, ds);
    const mentioning = Array.from({ length: ds.messages.count }, (_, k) => k).filter((k) => ds.excerpt(k).startsWith('@Léa Martin'));
    expect(mentioning.length).toBeGreaterThan(0);
    for (const k of mentioning) expect(privacy.dataset.excerpt(k).startsWith(`@${pseudonym} oui, ${pseudonym} :`)).toBe(true);
  });

  it('is the same for the same data whatever the row order (no salt)', () => {
    expect(report(community('reverse'), { anonymize: true }).json).toBe(report(community('forward'), { anonymize: true }).json);
  });

  it('without a salt, another export gives other pseudonyms; with a salt, a person keeps theirs', () => {
    const fewer = PEOPLE.slice(0, 5);
    const lea = (ds: Dataset, salt?: string) => preparePrivacy(ds, { anonymize: true, lang: 'en', ...(salt ? { salt } : {}) }).nameOf(ds.authors.findIndex((a) => a.key === 'U100'), ds);
    expect(lea(community('forward', fewer))).not.toBe(lea(community('forward')));
    expect(lea(community('forward', fewer), 's3cret')).toBe(lea(community('forward'), 's3cret'));
    expect(lea(community(), 's3cret')).not.toBe(lea(community(), 'other'));
  });

  it('speaks the report language', () => {
    const { result } = report(community(), { anonymize: true, lang: 'fr', brand: [BRAND.key] });
    expect(result.input.brand.accounts[0]).toMatch(/^Marque [0-9A-F]{6}$/);
    expect(JSON.stringify(result)).toMatch(/Membre [0-9A-F]{6}/);
  });

  it('a name given with --brand that matches nobody is not printed either', () => {
    const { json } = report(community('forward', PEOPLE, [BRAND.key, 'Jean-Pierre Inexistant']), { anonymize: true, brand: [BRAND.key, 'Jean-Pierre Inexistant'] });
    expect(json).toContain('issue.brand-not-found');
    expect(json).not.toContain('Jean-Pierre');
  });

  it('leaves the catalogue alone when a person is called like one of its words', () => {
    const people = [...PEOPLE.slice(0, 5), { key: 'community', name: 'Community' }];
    const { result } = report(community('forward', people), { anonymize: true });
    expect(result.categories.map((c) => c.title)).toContain('Community');
    expect(result.verdict.title).not.toMatch(/Member [0-9A-F]{6}/);
  });
});

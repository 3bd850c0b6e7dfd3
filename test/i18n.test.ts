import { describe, expect, it } from 'vitest';
import { catalogKeys, sectionKeys, t } from '../src/i18n/index.js';
import { interpolate } from '../src/i18n/format.js';

describe('catalogues', () => {
  it('French and English have the same keys', () => {
    expect(catalogKeys('fr')).toEqual(catalogKeys('en'));
  });

  it('no key is defined in two sections (one would silently hide the other)', () => {
    const all = sectionKeys().flat();
    expect(all.length).toBe(new Set(all).size);
  });

  it('every placeholder of an English sentence is in its French twin', () => {
    const names = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
    for (const key of catalogKeys('en')) {
      const en = t('en', key as never);
      const fr = t('fr', key as never);
      expect({ key, names: [...new Set(names(fr))] }).toEqual({ key, names: [...new Set(names(en))] });
    }
  });
});

describe('interpolate', () => {
  it('formats shares as percentages the French way and the English way', () => {
    expect(interpolate('fr', '{s%}', { s: 0.04 })).toBe('4\u202f%');
    expect(interpolate('en', '{s%}', { s: 0.04 })).toBe('4%');
    expect(interpolate('en', '{s%}', { s: 0.004 })).toBe('0.4%');
  });

  it('chooses singular and plural, French counting 0 and 1 as singular', () => {
    expect(interpolate('fr', '{n} {n|membre|membres}', { n: 1 })).toBe('1 membre');
    expect(interpolate('fr', '{n} {n|membre|membres}', { n: 0 })).toBe('0 membre');
    expect(interpolate('en', '{n} {n|member|members}', { n: 0 })).toBe('0 members');
    expect(interpolate('en', '{n} {n|member|members}', { n: 12 })).toBe('12 members');
  });

  it('writes large numbers with the language separators', () => {
    expect(interpolate('fr', '{n}', { n: 12345 })).toBe('12\u202f345');
    expect(interpolate('en', '{n}', { n: 12345 })).toBe('12,345');
  });
});

describe('interpolate, nested', () => {
  it('fills placeholders inside a plural branch', () => {
    const tpl = 'Invitez {count|ce membre|ces {count} membres}';
    expect(interpolate('fr', tpl, { count: 1 })).toBe('Invitez ce membre');
    expect(interpolate('fr', tpl, { count: 11 })).toBe('Invitez ces 11 membres');
  });

  it('leaves an unknown placeholder visible rather than inventing a value', () => {
    expect(interpolate('en', 'Hello {who}', {})).toBe('Hello {who}');
  });
});

describe('French typography', () => {
  it('puts a narrow no-break space before ; : ? ! and inside « », in every French sentence', async () => {
    const { frenchTypography } = await import('../src/i18n/index.js');
    expect(frenchTypography('Pourquoi ? Parce que : « oui » !')).toBe('Pourquoi\u202f? Parce que\u202f: «\u202foui\u202f»\u202f!');
    for (const key of catalogKeys('fr')) {
      const s = t('fr', key as never);
      expect({ key, bad: / [;:?!»]|« /.test(s) }).toEqual({ key, bad: false });
    }
  });
});

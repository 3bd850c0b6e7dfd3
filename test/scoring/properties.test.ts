/**
 * Properties of the whole judgement, on random small datasets (fast-check): what must hold
 * whatever the data, not only on the examples of the detector tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogKeys, t } from '../../src/i18n/index.js';
import { AuditResult, type AuditResultT } from '../../src/model/result.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { type Row, build } from '../helpers/dataset.js';
import { detect } from '../helpers/detect.js';

const PEOPLE = ['ana', 'ben', 'cleo', 'dan', 'eva', 'fred', 'gus', 'hana', 'ines', 'jo'] as const;
const TEXTS = [
  'Vous faites comment pour les rappels ?',
  'Perso je fais un point le lundi, ça a marché pour moi',
  'Merci Julie 🙏',
  'Bienvenue parmi nous !',
  'Et si on organisait un afterwork jeudi ?',
  'Vous avez un groupe pour continuer ces échanges ?',
  'On continue sur WhatsApp ? https://chat.whatsapp.com/AbC123',
  'Trop beau 😍',
  'Quelqu’un a testé l’export ?',
  'Top',
  'Je te réponds en DM',
  'Retour d’expérience : ça marche bien',
];
const GENERATED_AT = new Date('2025-01-01T00:00:00Z');

interface Spec {
  kind: 'chat' | 'comments';
  links: 'parent' | 'none';
  rows: Row[];
}

/** A dataset: up to 40 messages by a brand and ten people, at distinct times, some answering earlier ones. */
const datasets: fc.Arbitrary<Spec> = fc
  .record({
    kind: fc.constantFrom('chat' as const, 'comments' as const),
    links: fc.constantFrom('parent' as const, 'none' as const),
    /** messages carry a thread key (a post id, a Slack thread) whose first message may not be exported */
    keyed: fc.boolean(),
    messages: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: PEOPLE.length }),
        // minutes since the previous message: a quick reply, a pause within a session, or days
        gap: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 30, max: 720 }), fc.integer({ min: 1, max: 3 * 24 * 60 })),
        text: fc.integer({ min: 0, max: TEXTS.length - 1 }),
        parent: fc.option(fc.nat(), { nil: undefined }),
        post: fc.integer({ min: 0, max: 3 }),
        reactions: fc.integer({ min: 0, max: 30 }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .map(({ kind, links, keyed, messages }) => {
    let at = 0;
    const rows: Row[] = messages.map((x, i) => {
      at += x.gap;
      const parent = links === 'parent' && x.parent !== undefined && i > 0 ? `m${x.parent % i}` : undefined;
      return {
        id: `m${i}`,
        author: x.who === PEOPLE.length ? 'brand' : PEOPLE[x.who]!,
        at,
        text: TEXTS[x.text]!,
        reactions: x.reactions,
        line: i + 2,
        ...(parent ? { parent } : {}),
        ...(kind === 'comments' || keyed ? { thread: `post${x.post}` } : {}),
      };
    });
    return { kind, links, rows };
  });

const dataset = (spec: Spec, rows = spec.rows, brand = 'brand') => build(rows, { kind: spec.kind, links: spec.links, brand: [brand] });
const audit = (spec: Spec, rows = spec.rows, brand = 'brand') => runAudit(dataset(spec, rows, brand), { lang: 'en', generatedAt: GENERATED_AT });

/** The JSON of a result without source line numbers (a shuffled file has its rows on other lines). */
function withoutLines(r: AuditResultT): string {
  return JSON.stringify(r, (k, v) => (k === 'line' ? undefined : v));
}

describe('properties of the audit', () => {
  it('every score is in [0, 1] or null, every category and the verdict in [0, 100] or null, and the result fits its schema', () => {
    fc.assert(
      fc.property(datasets, (spec) => {
        const r = audit(spec);
        for (const s of r.signals) {
          expect(s.score === null || (s.score >= 0 && s.score <= 1)).toBe(true);
          expect(s.score === null ? s.reason : s.summary ?? s.reason).not.toBeNull();
        }
        for (const c of r.categories) expect(c.score === null || (c.score >= 0 && c.score <= 100)).toBe(true);
        expect(r.verdict.score === null || (r.verdict.score >= 0 && r.verdict.score <= 100)).toBe(true);
        expect(AuditResult.safeParse(r).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('shuffling the rows changes nothing', () => {
    fc.assert(
      fc.property(
        datasets.chain((spec) => fc.tuple(fc.constant(spec), fc.shuffledSubarray(spec.rows, { minLength: spec.rows.length, maxLength: spec.rows.length }))),
        ([spec, shuffled]) => {
          expect(withoutLines(audit(spec, shuffled))).toBe(withoutLines(audit(spec)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('adding messages of the brand alone never raises member-replies', () => {
    // brand messages near messages of the data: within a conversation, or bridging two
    const extra = fc.array(
      fc.record({
        near: fc.nat(),
        delta: fc.integer({ min: -720, max: 720 }),
        parent: fc.option(fc.nat(), { nil: undefined }),
        text: fc.integer({ min: 0, max: TEXTS.length - 1 }),
      }),
      { minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(datasets, extra, (spec, brandMessages) => {
        const before = detect('member-replies', dataset(spec)).score;
        const rows: Row[] = [
          ...spec.rows,
          ...brandMessages.map((b, i) => ({
            id: `b${i}`,
            author: 'brand',
            // never at the same minute as a message of the data
            at: Math.max(0, spec.rows[b.near % spec.rows.length]!.at + b.delta) + 0.5,
            text: TEXTS[b.text]!,
            ...(spec.links === 'parent' && b.parent !== undefined ? { parent: `m${b.parent % spec.rows.length}` } : {}),
            ...(spec.kind === 'comments' ? { thread: 'post0' } : {}),
          })),
        ];
        const after = detect('member-replies', dataset(spec, rows)).score;
        if (before === null) expect(after === null || after === 0).toBe(true);
        else expect(after ?? 0).toBeLessThanOrEqual(before + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('renaming the authors consistently changes nothing but the names', () => {
    // new names that sort differently (author order follows names) and appear in no sentence
    const renamings = fc.shuffledSubarray([...PEOPLE.map((p) => `Qz-${p}`), 'Ève Qz', 'Łukasz Qz', 'Al Qz', 'Zoé B. Qz'], {
      minLength: PEOPLE.length + 1,
      maxLength: PEOPLE.length + 1,
    });
    fc.assert(
      fc.property(datasets, renamings, (spec, names) => {
        const map = new Map<string, string>([...PEOPLE, 'brand'].map((p, i) => [p, names[i]!]));
        const renamed = spec.rows.map((r) => ({ ...r, author: map.get(r.author)! }));
        const original = audit(spec);
        const other = audit(spec, renamed, map.get('brand')!);
        // the names put back wherever they appear (evidence, brand accounts, warnings)
        let restored = JSON.stringify(other);
        for (const [from, to] of map) restored = restored.split(JSON.stringify(to).slice(1, -1)).join(from);
        expect(restored).toBe(JSON.stringify(original));
      }),
      { numRuns: 150 },
    );
  });

  it('French and English have the same keys, and every sentence fills all its placeholders in both', () => {
    expect(catalogKeys('fr')).toEqual(catalogKeys('en'));
    const names = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)[%|}]/g)].map((m) => m[1]!);
    fc.assert(
      fc.property(fc.constantFrom(...catalogKeys('en')), fc.integer({ min: 0, max: 5000 }), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[{}]/.test(s)), (key, n, word) => {
        const values: Record<string, string | number> = {};
        for (const name of names(t('en', key as never))) values[name] = /list|platforms|name|file|error|title|summary|code|id|value|headers|example|fields|formats|reason|column|order|kind|cwd|message|option|level|failOn/.test(name) ? word : n;
        for (const lang of ['en', 'fr'] as const) expect(t(lang, key as never, values)).not.toMatch(/\{[A-Za-z0-9_]+[%|}]/);
      }),
      { numRuns: 400 },
    );
  });
});

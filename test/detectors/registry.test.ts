/**
 * ESLint's checkRuleFiles idea: a detector's id, its file, its table test, its docs page and
 * its catalogue keys share one name, and the build fails when one of them is missing.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/index.js';
import { hasKey, t } from '../../src/i18n/index.js';
import { SIGNAL_GROUPS } from '../../src/model/result.js';
import { CATEGORIES, INFORMATIVE_SIGNALS } from '../../src/scoring/categories.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ids = detectors.map((d) => d.id);
/** Quotes, apostrophes and spaces written either way, and case, do not matter to a quotation. */
const plain = (s: string) =>
  s
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/[’]/g, "'")
    .replace(/\s*["«»“”]\s*/g, '"')
    .toLowerCase();

/** The 17 signals of DESIGN §4. */
const DESIGN_SIGNALS = [
  'member-replies', 'brand-independence', 'spontaneous-initiatives', 'off-platform', 'collective-dynamic', 'core-group',
  'broadcast-ratio', 'reach-without-conversation', 'brand-driven-activity', 'one-off-participants', 'rented-ground',
  'real-conversations', 'peer-answers', 'desire-to-continue', 'shared-mission', 'unanswered-brand-questions', 'posting-cadence',
];

describe('detector registry', () => {
  it('holds every signal of the design, once, sorted by id', () => {
    expect([...ids].sort()).toEqual([...DESIGN_SIGNALS].sort());
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every detector file of src/detectors', () => {
    const files = readdirSync(join(root, 'src/detectors'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'define-detector.ts')
      .map((f) => f.slice(0, -3));
    expect(files.sort()).toEqual([...ids].sort());
  });

  for (const id of ids) {
    describe(id, () => {
      it('has its file, its table test and its docs page', () => {
        expect(existsSync(join(root, 'src/detectors', `${id}.ts`))).toBe(true);
        expect(existsSync(join(root, 'test/detectors', `${id}.test.ts`))).toBe(true);
        expect(existsSync(join(root, 'docs/detectors', `${id}.md`))).toBe(true);
      });

      it('has a title and the article’s sentence in both catalogues', () => {
        for (const part of ['title', 'article']) {
          const key = `signal.${id}.${part}`;
          expect(hasKey(key)).toBe(true);
          expect(t('fr', key as never)).not.toBe(t('en', key as never));
        }
      });

      it('its docs page quotes the article, says how the value is computed and how to read it', () => {
        const page = readFileSync(join(root, 'docs/detectors', `${id}.md`), 'utf8');
        expect(page.startsWith(`# ${id}\n`)).toBe(true);
        expect(plain(page)).toContain(plain(t('fr', `signal.${id}.article` as never)).replace(/\.$/, ''));
        expect(page).toMatch(/## How it is computed/);
        expect(page).toMatch(/## How to read it/);
      });

      it('belongs to a known group, and is weighed in a category or listed as informative', () => {
        const d = detectors.find((x) => x.id === id)!;
        expect(SIGNAL_GROUPS).toContain(d.group);
        const weighed = CATEGORIES.some((c) => c.signals.some((s) => s.id === id && s.weight > 0));
        expect(weighed || INFORMATIVE_SIGNALS.includes(id)).toBe(true);
      });
    });
  }

  it('categories only name registered signals', () => {
    for (const c of CATEGORIES) for (const s of c.signals) expect(ids).toContain(s.id);
    for (const s of INFORMATIVE_SIGNALS) expect(ids).toContain(s);
  });
});

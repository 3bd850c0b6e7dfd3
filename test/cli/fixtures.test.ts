/**
 * Calibration: each scenario fixture keeps its verdict, through the built command line, and
 * its report reads in one language only. Run after `npm run build` (npm test does).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/index.js';
import type { AuditResultT } from '../../src/model/result.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/community-audit.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', FORCE_COLOR: '0', LANG: 'C' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FIXTURES = [
  { name: 'instagram-audience', level: 'audience', encoding: 'utf8' },
  { name: 'linkedin-ready', level: 'ready', encoding: 'windows-1252' },
  { name: 'slack-community', level: 'community', encoding: 'utf8' },
  { name: 'tiny-insufficient', level: 'insufficient-data', encoding: 'utf8' },
] as const;

const files = (name: string) => [`fixtures/${name}/comments.csv`, '--members', `fixtures/${name}/members.csv`];

/** Words of one language that the other never uses. */
const ENGLISH = /\b(the|and|you|your|with|from|members?|repl(y|ies)|answer(s|ed)?|threads?|weeks?|people|none|other|only|ever|have|has|got|this|these|which|who|not|are|is|was|were|they|their|each|already|yet|still)\b/i;
const FRENCH = /(\b(le|la|les|des|du|et|vous|votre|vos|est|sont|avec|pour|sur|une|ont|membres?|réponses?|semaines?|aucune?|ils|elles|qui|que|ne|pas|ces|leurs?|déjà|encore|chaque|entre|sans|dans|mais|très|fois|été|avez)\b|\b[dlnjs]’)/i;

/**
 * The report's own sentences: the quoted excerpts (the members' words, in their language),
 * people's names before an em dash, and file paths are data, not the report's language.
 */
function sentences(text: string): string {
  return text
    .replace(/«[^»]*»/g, '')
    .replace(/“[^”]*”/g, '')
    .replace(/^(\s*·\s)[^—\n]*—/gm, '$1')
    .replace(/fixtures\/\S+/g, '')
    .replace(/(Brand accounts|Comptes de la marque)[^\n]*/g, '');
}

describe('scenario fixtures, through the command line', () => {
  for (const f of FIXTURES) {
    describe(f.name, () => {
      const run = cli([...files(f.name), '--format', 'json', '--lang', 'en']);
      const result = JSON.parse(run.stdout) as AuditResultT;

      it(`keeps its verdict: ${f.level}`, () => {
        expect(run.code).toBe(0);
        expect(result.verdict.level).toBe(f.level);
      });

      it('lists every signal with a score or a reason', () => {
        expect(result.signals.map((s) => s.id).sort()).toEqual(detectors.map((d) => d.id).sort());
        for (const s of result.signals) expect(s.score !== null ? s.summary : s.reason).not.toBeNull();
      });

      it('explains its verdict in a few sentences, and advises a handful of things', () => {
        expect(result.verdict.why.length).toBeGreaterThanOrEqual(2);
        expect(result.verdict.why.length).toBeLessThanOrEqual(7);
        expect(result.recommendations.length).toBeGreaterThanOrEqual(1);
        expect(result.recommendations.length).toBeLessThanOrEqual(5);
      });

      if (f.level !== 'insufficient-data') {
        it('cites evidence from this fixture: people of the export, and their words', () => {
          const csv = iconv.decode(readFileSync(join(root, `fixtures/${f.name}/comments.csv`)), f.encoding);
          const evidence = result.recommendations.flatMap((r) => r.evidence);
          expect(evidence.length).toBeGreaterThan(0);
          for (const e of evidence) {
            if (e.author) expect(csv).toContain(e.author);
            if (e.excerpt) expect(csv).toContain(e.excerpt.replace(/…$/, ''));
          }
        });
      }

      for (const lang of ['fr', 'en'] as const) {
        it(`reads in ${lang === 'fr' ? 'French' : 'English'} only`, () => {
          const text = cli([...files(f.name), '--lang', lang]);
          expect(text.code).toBe(0);
          const own = sentences(text.stdout);
          for (const line of own.split('\n')) expect({ line, leak: (lang === 'fr' ? ENGLISH : FRENCH).exec(line)?.[0] }).toEqual({ line, leak: undefined });
        });
      }
    });
  }

  it('gives the same JSON for the same input, the generation time aside', () => {
    const a = cli([...files('linkedin-ready'), '--format', 'json']).stdout.replace(/"generatedAt": "[^"]*"/, '');
    const b = cli([...files('linkedin-ready'), '--format', 'json']).stdout.replace(/"generatedAt": "[^"]*"/, '');
    expect(a).toBe(b);
  });
});

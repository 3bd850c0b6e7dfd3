/**
 * Pairs of fixtures that differ in one thing only (fixtures/pairs.ts): each detector that
 * reads that thing moves its score the right way, and the others do not move.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAIRS_DIR, pairs, toCsv } from '../../fixtures/pairs.js';
import { derive } from '../../src/derive/index.js';
import { detectors } from '../../src/detectors/index.js';
import { loadDataset, openFile } from '../../src/load/index.js';

async function scores(file: string): Promise<Record<string, number | null>> {
  const ds = await loadDataset([await openFile(file)], { map: {}, lang: 'en', brand: ['Studio Nova'] });
  const d = derive(ds);
  return Object.fromEntries(detectors.map((x) => [x.id, x.run({ ds, d }).score]));
}

describe('pairs of fixtures that differ in one thing', () => {
  for (const pair of pairs()) {
    describe(`${pair.name}: ${pair.change}`, () => {
      const files = { without: join(PAIRS_DIR, pair.name, 'without.csv'), with: join(PAIRS_DIR, pair.name, 'with.csv') };

      it('the committed files are what fixtures/pairs.ts writes (npx tsx fixtures/pairs.ts)', () => {
        expect(readFileSync(files.without, 'utf8')).toBe(toCsv(pair.without));
        expect(readFileSync(files.with, 'utf8')).toBe(toCsv(pair.with));
      });

      it('moves the detectors that read it, the right way, and no other', async () => {
        const before = await scores(files.without);
        const after = await scores(files.with);
        for (const id of pair.up) expect({ id, moved: after[id]! > before[id]!, before: before[id], after: after[id] }).toMatchObject({ id, moved: true });
        for (const id of pair.down) expect({ id, moved: after[id]! < before[id]!, before: before[id], after: after[id] }).toMatchObject({ id, moved: true });
        for (const id of pair.same) expect({ id, score: after[id] }).toEqual({ id, score: before[id] });
      });
    });
  }

  it('every detector that can be measured from data is moved by at least one pair', () => {
    const moved = new Set(pairs().flatMap((p) => [...p.up, ...p.down]));
    expect(detectors.map((d) => d.id).filter((id) => !moved.has(id))).toEqual(['shared-mission']);
  });
});

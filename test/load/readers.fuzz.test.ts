/**
 * Every reader of the registry, and the member reader, on arbitrary bytes and CSV-shaped
 * text: a reader either reads or refuses with an InputError (exit 2, a clear message); it
 * never throws anything else, never hangs, and what it builds can be audited and rendered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { createDatasetBuilder } from '../../src/load/builder.js';
import { READERS } from '../../src/load/formats/index.js';
import { loadMembers } from '../../src/load/members.js';
import { decodeHead, detectEncoding, sniffBinary } from '../../src/load/read.js';
import { AuditResult } from '../../src/model/result.js';
import { preparePrivacy } from '../../src/privacy/anonymize.js';
import { renderJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { SEEDS, chunkSizes, exportBytes, fuzzParameters, memoryInput, mutatedSeed, within } from '../helpers/fuzz.js';

/** An InputError is the documented refusal; anything else thrown is a bug. */
async function refusesCleanly(work: () => Promise<unknown>): Promise<'read' | 'refused'> {
  try {
    // generous: a busy machine must not turn a slow read into a failure; an endless loop still fails
    await within(20_000, work(), 'reader');
    return 'read';
  } catch (error) {
    if (error instanceof InputError) return 'refused';
    throw error;
  }
}

describe('fuzzing the readers', () => {
  it('has readers to fuzz', () => {
    expect(READERS.length).toBeGreaterThan(0);
  });

  /** The fixture files a reader takes for its own: mutated, they reach past its first checks. */
  const own = (reader: (typeof READERS)[number]) =>
    SEEDS.filter(({ bytes }) => {
      const input = memoryInput(bytes);
      const headText = sniffBinary(input.head) ? '' : decodeHead(input.head, detectEncoding(input.head));
      return reader.detect(input, headText) >= 0.5;
    });

  for (const reader of READERS) {
    it(`${reader.name}: reads or refuses with an InputError, and what it reads can be audited`, { timeout: 120_000 }, async () => {
      const outcomes = { read: 0, refused: 0 };
      const seeds = own(reader);
      const inputs = seeds.length > 0 ? fc.oneof(exportBytes, mutatedSeed(seeds)) : exportBytes;
      await fc.assert(
        fc.asyncProperty(inputs, chunkSizes, fc.boolean(), async (bytes, chunks, anonymize) => {
          const input = memoryInput(bytes, chunks);
          const headText = sniffBinary(input.head) ? '' : decodeHead(input.head, detectEncoding(input.head));
          const confidence = reader.detect(input, headText);
          expect(confidence).toBeGreaterThanOrEqual(0);
          expect(confidence).toBeLessThanOrEqual(1);
          const builder = createDatasetBuilder();
          const outcome = await refusesCleanly(() => reader.read(input, { builder, options: { map: {}, lang: 'en' } }));
          outcomes[outcome]++;
          if (outcome === 'refused') return;
          const ds = builder.finish();
          const privacy = preparePrivacy(ds, { anonymize, lang: 'fr' });
          const result = privacy.protect(runAudit(privacy.dataset, { lang: 'fr', nameOf: privacy.nameOf, generatedAt: new Date(0) }));
          AuditResult.parse(result);
          expect(() => JSON.parse(renderJson(result))).not.toThrow();
          // eslint-disable-next-line no-control-regex
          expect(renderText(result, { color: false, width: 80 })).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        }),
        fuzzParameters(300),
      );
      // the property says little unless inputs get through: a reader with fixtures of its own
      // reads some of them mutated; the generic CSV reads the CSV-shaped inputs, refuses the rest
      if (seeds.length > 0 || reader.name === 'csv') expect(outcomes.read).toBeGreaterThan(20);
      if (reader.name === 'csv') expect(outcomes.refused).toBeGreaterThan(20);
    });
  }

  it('members: reads or refuses with an InputError', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(exportBytes, chunkSizes, async (bytes, chunks) => {
        const outcome = await refusesCleanly(() => loadMembers(memoryInput(bytes, chunks, 'members.csv')));
        expect(['read', 'refused']).toContain(outcome);
      }),
      fuzzParameters(200),
    );
  });

  it('the same bytes in any chunking decode and parse the same', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(exportBytes, chunkSizes, async (bytes, chunks) => {
        const read = async (sizes: number[]) => {
          const builder = createDatasetBuilder();
          try {
            await READERS[0]!.read(memoryInput(bytes, sizes), { builder, options: { map: {}, lang: 'en' } });
          } catch (error) {
            if (error instanceof InputError) return error.code;
            throw error;
          }
          const ds = builder.finish();
          return JSON.stringify({ n: ds.messages.count, authors: ds.authors.map((a) => a.name), excerpts: Array.from({ length: ds.messages.count }, (_, i) => ds.excerpt(i)), issues: ds.issues });
        };
        expect(await read(chunks)).toBe(await read([]));
      }),
      fuzzParameters(200),
    );
  });
});

/**
 * The faster implementations of the measuring step against the ones they replaced (kept in
 * test/reference/): on arbitrary datasets, both give the same numbers, the same order, the
 * same ties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive, weekOf } from '../../src/derive/index.js';
import { brandPostMessages, networkView, weeklySeries } from '../../src/derive/charts.js';
import { sliceDataset } from '../../src/derive/slice.js';
import { platformBreakdown } from '../../src/derive/platforms.js';
import { brandPostMessagesReference, weeklySeries as weeklySeriesReference } from '../reference/derive-charts.js';
import { platformBreakdown as platformBreakdownReference } from '../reference/derive-platforms.js';
import { Lex } from '../../src/lexicon/index.js';
import { conversations, firstAnswers, questionAnswers } from '../../src/derive/conversations.js';
import { conversationsReference } from '../reference/conversations.js';
import { quantile, selectQuantile, topAuthors } from '../../src/detectors/define-detector.js';
import { derive as deriveReference } from '../reference/derive.js';
import { rankAuthors } from '../reference/rank-authors.js';
import { networkViewReference } from '../reference/network-view.js';
import { detectors, type Detector } from '../../src/detectors/index.js';
import brandIndependence from '../reference/detectors/brand-independence.js';
import collectiveDynamic from '../reference/detectors/collective-dynamic.js';
import coreGroup from '../reference/detectors/core-group.js';
import desireToContinue from '../reference/detectors/desire-to-continue.js';
import oneOffParticipants from '../reference/detectors/one-off-participants.js';
import rentedGround from '../reference/detectors/rented-ground.js';
import peerAnswers from '../reference/detectors/peer-answers.js';
import { randomDataset } from '../helpers/random-dataset.js';

const RUNS = 300;

/** Each rewritten detector beside the version it replaced (test/reference/detectors/). */
const DETECTORS: [string, Detector][] = [
  ['peer-answers', peerAnswers],
  ['brand-independence', brandIndependence],
  ['core-group', coreGroup],
  ['collective-dynamic', collectiveDynamic],
  ['desire-to-continue', desireToContinue],
  ['one-off-participants', oneOffParticipants],
  ['rented-ground', rentedGround],
];


describe('derive', () => {
  it('gives every author and thread the counts the object-per-author version gave', () => {
    fc.assert(
      fc.property(randomDataset, ({ ds }) => {
        const d = derive(ds);
        const ref = deriveReference(ds);
        for (const [field, column] of Object.entries(d.authorStats)) {
          expect(Array.from(column as ArrayLike<number>), field).toEqual(ref.authorStats.map((s) => s[field as keyof typeof s]));
        }
        for (const [field, column] of Object.entries(d.threadStats)) {
          expect(Array.from(column as ArrayLike<number>), field).toEqual(ref.threadStats.map((s) => Number(s[field as keyof typeof s])));
        }
        expect([...d.target]).toEqual([...ref.target]);
        // derive no longer keeps each message's week: the readers compute weekOf(createdAt)
        expect(Array.from(ds.messages.createdAt, weekOf)).toEqual([...ref.week]);
        expect(d.replyKinds).toEqual(ref.replyKinds);
        expect(d.replies).toEqual(ref.replies);
        expect([...d.memberPairs]).toEqual([...ref.memberPairs]);
        const { firstWeek, lastWeek, memberMessages, brandMessages, activeMembers } = ref;
        expect(d).toMatchObject({ firstWeek, lastWeek, memberMessages, brandMessages, activeMembers });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('conversations', () => {
  it('groups messages and finds answers as the version with a Map and a Set did', () => {
    fc.assert(
      fc.property(randomDataset, ({ ds }) => {
        const d = derive(ds);
        const fast = conversations(ds, d);
        const ref = conversationsReference(ds, d);
        const { firstMemberReply, firstBrandReply, nextOtherMember, nextBrand, ...rest } = ref;
        for (const [field, value] of Object.entries(rest)) expect(fast[field as keyof typeof fast], field).toEqual(value);
        // what answered a question: kept for the questions only, read from the per-message columns
        for (const askedBy of [d.isMemberAuthor, d.isBrandAuthor]) {
          const qa = questionAnswers(ds, d, askedBy);
          const questions = [...Array(ds.messages.count).keys()].filter((k) => ds.messages.lex[k]! & Lex.question && askedBy[ds.messages.author[k]!]);
          expect([...qa.messages]).toEqual(questions);
          const at = (column: Int32Array) => questions.map((k) => column[k]!);
          expect([...qa.firstMemberReply]).toEqual(at(firstMemberReply));
          expect([...qa.firstBrandReply]).toEqual(at(firstBrandReply));
          expect([...qa.nextOtherMember]).toEqual(at(nextOtherMember));
          expect([...qa.nextBrand]).toEqual(at(nextBrand));
          // folded: the earlier of the two answers, -1 for none
          const earliest = (x: number, y: number) => (x < 0 ? y : y < 0 ? x : Math.min(x, y));
          const first = firstAnswers(ds, d, askedBy);
          expect([...first.messages]).toEqual(questions);
          expect([...first.member]).toEqual(questions.map((k) => earliest(firstMemberReply[k]!, nextOtherMember[k]!)));
          expect([...first.brand]).toEqual(questions.map((k) => earliest(firstBrandReply[k]!, nextBrand[k]!)));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('weeklySeries and platformBreakdown', () => {
  it('count the same as the versions with an object or a map per message', () => {
    fc.assert(
      fc.property(randomDataset, fc.array(fc.nat(), { maxLength: 5 }), ({ ds }, corePicks) => {
        const d = derive(ds);
        const core = new Set(corePicks.map((p) => p % ds.authors.length));
        expect(weeklySeries(ds, d, core)).toEqual(weeklySeriesReference(ds, d, core));
        expect(platformBreakdown(ds, d)).toEqual(platformBreakdownReference(ds, d));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('brandPostMessages', () => {
  it('finds the brand posts the id-comparing version found, in the whole dataset and in slices that cut threads', () => {
    fc.assert(
      fc.property(randomDataset, fc.nat(), fc.nat(), ({ ds }, a, b) => {
        expect(brandPostMessages(ds, derive(ds))).toEqual(brandPostMessagesReference(ds, derive(ds)));
        if (ds.messages.count === 0) return;
        // a period that starts or ends inside threads keyed on their first comment
        const at = (x: number) => ds.messages.createdAt[x % ds.messages.count]!;
        const slice = sliceDataset(ds, Math.min(at(a), at(b)), Math.max(at(a), at(b)));
        expect(brandPostMessages(slice, derive(slice))).toEqual(brandPostMessagesReference(slice, derive(slice)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('selectQuantile', () => {
  it('finds the quantile of the sorted values, duplicates and all', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const sorted = Float64Array.from(values).sort();
        expect(selectQuantile(Float64Array.from(values), q)).toBe(quantile(sorted, q));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('topAuthors', () => {
  it('is the head of the full ranking, ties included', () => {
    fc.assert(
      fc.property(
        randomDataset,
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 12 }),
        ({ ds }, picks, measures, k) => {
          const d = derive(ds);
          const n = ds.authors.length;
          // distinct authors, some without a message (Infinity first times), few distinct measures (ties)
          const authors = [...new Set(picks.map((p) => p % n))];
          const by = (a: number) => measures[a % measures.length]!;
          expect(topAuthors(d, authors, by, k)).toEqual(rankAuthors(d, authors, by).slice(0, k));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('networkView', () => {
  it('shows the same members, edges and weights as the map-of-pairs version', () => {
    fc.assert(
      fc.property(randomDataset, fc.integer({ min: -1, max: 8 }), fc.array(fc.nat(), { maxLength: 5 }), ({ ds }, limit, corePicks) => {
        const d = derive(ds);
        const core = new Set(corePicks.map((p) => p % ds.authors.length));
        expect(networkView(ds, d, core, limit)).toEqual(networkViewReference(ds, d, core, limit));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('rewritten detectors', () => {
  it.each(DETECTORS)('%s gives the same output as before', (id, reference) => {
    const detector = detectors.find((x) => x.id === id)!;
    fc.assert(
      fc.property(randomDataset, ({ ds }) => {
        // each on its own Derived: shared indexes cached on one cannot hide a difference
        expect(detector.run({ ds, d: derive(ds) })).toEqual(reference.run({ ds, d: derive(ds) }));
      }),
      { numRuns: RUNS },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type VerdictInput, decideLevel } from '../../src/scoring/verdict.js';

const base: VerdictInput = { memberMessages: 400, activeMembers: 60, community: 50, readiness: 50, audienceDependence: 50, replyLinks: 200, inferredShare: 0 };
const level = (v: Partial<VerdictInput>) => {
  const r = decideLevel({ ...base, ...v });
  return [r.level, r.because];
};

describe('verdict rule table', () => {
  it('insufficient data when a verdict would be a guess, and says which guess', () => {
    expect(level({ memberMessages: 29 })).toEqual(['insufficient-data', 'why.rule.insufficient']);
    expect(level({ activeMembers: 7 })).toEqual(['insufficient-data', 'why.rule.insufficient']);
    expect(level({ community: null, readiness: null })).toEqual(['insufficient-data', 'why.rule.nothingMeasured']);
    expect(level({ replyLinks: 0 })).toEqual(['insufficient-data', 'why.rule.noReplyData']);
    expect(level({ inferredShare: 0.9, memberMessages: 80 })).toEqual(['insufficient-data', 'why.rule.inferredSmall']);
  });

  it('inferred replies on a large sample still give a verdict', () => {
    expect(level({ inferredShare: 0.9, memberMessages: 800, community: 70 })[0]).toBe('community');
  });

  it('community needs members who talk to each other and little dependence on the audience model', () => {
    expect(level({ community: 70, audienceDependence: 60 })).toEqual(['community', 'why.rule.community']);
    expect(level({ community: 70, audienceDependence: 20, readiness: 80 })).toEqual(['ready', 'why.rule.ready']);
  });

  it('ready when the first signs are there; audience otherwise', () => {
    expect(level({ community: 20, readiness: 50 })[0]).toBe('ready');
    expect(level({ community: 45, readiness: 10 })[0]).toBe('ready');
    expect(level({ community: 10, readiness: 20 })).toEqual(['audience', 'why.rule.audience']);
  });
});

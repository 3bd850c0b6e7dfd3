/**
 * The recommendations catalogue: each entry is keyed by a signal and the levels it applies
 * to, and builds its evidence from that signal's result. At most a handful are kept, most
 * important first.
 */
import type { EvidenceRef } from '../detectors/define-detector.js';
import { type MessageKey, type MsgRef, msg } from '../i18n/index.js';
import type { Level } from '../model/result.js';

export interface SignalOutcome {
  id: string;
  score: number | null;
  values: Record<string, number | string | null>;
  evidence: EvidenceRef[];
  /** the score comes from the owner's answers: no counts to cite, no evidence */
  declared?: boolean;
}

export interface RecommendationDraft {
  id: string;
  signal: string;
  title: MsgRef;
  detail: MsgRef;
  evidence: EvidenceRef[];
}

interface RecommendationRule {
  id: string;
  signal: string;
  levels: readonly Level[];
  /** lower = shown first */
  priority: number;
  applies(s: SignalOutcome): boolean;
  build(s: SignalOutcome): { values: Record<string, string | number>; evidence: EvidenceRef[] };
  /**
   * How the rule reads a declared signal, whose values hold no counts: when it applies, and
   * the detail to show (default `rec.<id>.declared`). Without it, the rule waits for data.
   */
  declared?: { applies(s: SignalOutcome): boolean; detail?: MessageKey };
}

const declaredAbove = (x: number) => (s: SignalOutcome) => s.score !== null && s.score >= x;
const declaredBelow = (x: number) => (s: SignalOutcome) => s.score !== null && s.score < x;

const num = (v: number | string | null | undefined) => (typeof v === 'number' ? v : 0);

export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [
  {
    id: 'invite-core',
    signal: 'core-group',
    levels: ['audience', 'ready'],
    priority: 1,
    applies: (s) => num(s.values.coreMembers) > 0,
    build: (s) => ({ values: { count: num(s.values.coreMembers) }, evidence: s.evidence }),
    declared: { applies: declaredAbove(0.3) },
  },
  {
    id: 'open-owned-space',
    signal: 'member-replies',
    levels: ['ready'],
    priority: 2,
    applies: () => true,
    build: (s) => ({ values: { share: num(s.values.share) }, evidence: s.evidence.slice(0, 2) }),
    declared: { applies: () => true },
  },
  {
    id: 'seed-interactions',
    signal: 'member-replies',
    levels: ['audience'],
    priority: 2,
    applies: (s) => s.score !== null && s.score < 0.4,
    build: (s) => ({ values: { share: num(s.values.share), toBrand: num(s.values.toBrand), total: num(s.values.memberReplies) }, evidence: [] }),
    declared: { applies: declaredBelow(0.4) },
  },
  {
    id: 'step-back',
    signal: 'broadcast-ratio',
    levels: ['audience', 'ready'],
    priority: 3,
    applies: (s) => s.score !== null && s.score < 0.5,
    build: (s) => ({ values: { brandPostShare: num(s.values.brandPostShare) }, evidence: [] }),
    declared: { applies: declaredBelow(0.5) },
  },
  {
    id: 'let-members-answer',
    signal: 'peer-answers',
    levels: ['audience', 'ready', 'community'],
    priority: 4,
    applies: (s) => num(s.values.questions) >= 3 && num(s.values.memberCoverage) < 0.5,
    build: (s) => ({
      values: { questions: num(s.values.questions), answered: num(s.values.answeredByMember), byBrand: num(s.values.answeredByBrand) },
      evidence: s.evidence,
    }),
    declared: { applies: declaredBelow(0.5) },
  },
  {
    id: 'create-conditions',
    signal: 'brand-independence',
    levels: ['community'],
    priority: 1,
    applies: () => true,
    build: (s) => ({ values: { largest: num(s.values.largestMemberGroup) }, evidence: s.evidence.slice(0, 3) }),
    declared: { applies: () => true },
  },
  {
    id: 'give-core-roles',
    signal: 'core-group',
    levels: ['community'],
    priority: 2,
    applies: (s) => num(s.values.coreMembers) > 0,
    build: (s) => ({ values: { count: num(s.values.coreMembers) }, evidence: s.evidence.slice(0, 5) }),
    declared: { applies: declaredAbove(0.5) },
  },
  {
    id: 'keep-networks',
    signal: 'broadcast-ratio',
    levels: ['ready', 'community'],
    priority: 5,
    applies: () => true,
    build: () => ({ values: {}, evidence: [] }),
    declared: { applies: () => true, detail: 'rec.keep-networks.detail' },
  },
  {
    id: 'collect-more',
    signal: 'member-replies',
    levels: ['insufficient-data'],
    priority: 1,
    applies: () => true,
    build: (s) => ({ values: { total: num(s.values.memberReplies) }, evidence: [] }),
    declared: { applies: () => true },
  },
  {
    // only the questionnaire can tell it (« s'appuie sur des valeurs ou une mission partagée »)
    id: 'state-mission',
    signal: 'shared-mission',
    levels: ['audience', 'ready'],
    priority: 4,
    applies: declaredBelow(0.5),
    build: () => ({ values: {}, evidence: [] }),
    declared: { applies: declaredBelow(0.5), detail: 'rec.state-mission.detail' },
  },
];

export const MAX_RECOMMENDATIONS = 5;

export function recommend(level: Level, outcomes: SignalOutcome[]): RecommendationDraft[] {
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  return RECOMMENDATION_RULES.filter((r) => r.levels.includes(level))
    .flatMap((r) => {
      const s = byId.get(r.signal);
      if (!s) return [];
      if (s.declared) {
        if (!r.declared?.applies(s)) return [];
        const detail = msg(r.declared.detail ?? (`rec.${r.id}.declared` as MessageKey));
        return [{ rule: r, draft: { id: r.id, signal: r.signal, title: msg(`rec.${r.id}.title` as MessageKey), detail, evidence: [] } }];
      }
      if (!r.applies(s)) return [];
      const { values, evidence } = r.build(s);
      return [{ rule: r, draft: { id: r.id, signal: r.signal, title: msg(`rec.${r.id}.title` as MessageKey), detail: msg(`rec.${r.id}.detail` as MessageKey, values), evidence } }];
    })
    .sort((a, b) => a.rule.priority - b.rule.priority || a.rule.id.localeCompare(b.rule.id))
    .slice(0, MAX_RECOMMENDATIONS)
    .map((x) => x.draft);
}

/**
 * The recommendations catalogue. Each entry is keyed by a signal and the levels it serves
 * (with its rank there), says when it applies from that signal's measures, and names its
 * evidence: the members to invite first, the questions left unanswered, the member who
 * already shared a WhatsApp link. At most a handful are kept, most important first.
 *
 * The advice follows the article: keep the social networks to grow the audience, open a
 * space you own for the core, move from the one who speaks to the one who « crée les
 * conditions du lien », seed the first interactions.
 */
import type { EvidenceRef, SignalId } from '../detectors/define-detector.js';
import { type MessageKey, type MsgRef, msg } from '../i18n/index.js';
import type { Level } from '../model/result.js';
import { MINIMUM_DATA } from './categories.js';
import { MIN_MESSAGES_WITH_INFERRED_REPLIES } from './verdict.js';

export interface SignalOutcome {
  id: string;
  score: number | null;
  values: Record<string, number | string | null>;
  evidence: EvidenceRef[];
  highlights?: Record<string, EvidenceRef[]>;
  /** the score comes from the owner's answers (the questionnaire): no counts to cite, no evidence */
  declared?: boolean;
}

/** Facts about the whole dataset that some advice depends on. */
export interface AuditFacts {
  replyLinks: number;
  /** share of reply links guessed from message order */
  inferredShare: number;
  memberMessages: number;
  activeMembers: number;
  /** the input formats that gave messages (csv, youtube, slack…): advice on missing data depends on the export */
  formats?: string[];
}

export interface RecommendationDraft {
  id: string;
  signal: string;
  title: MsgRef;
  detail: MsgRef;
  evidence: EvidenceRef[];
}

type RecIdOf<K> = K extends `rec.${infer I}.title` ? I : never;
/** A recommendation id: one with a title in the catalogue. */
export type RecommendationId = RecIdOf<MessageKey>;

interface Context {
  signal(id: SignalId): SignalOutcome | undefined;
  facts: AuditFacts;
}

export interface RecommendationRule {
  id: RecommendationId;
  signal: SignalId;
  /** the levels it serves, and its rank in each (lower = shown first) */
  rank: Partial<Record<Level, number>>;
  applies(s: SignalOutcome, ctx: Context): boolean;
  build(s: SignalOutcome, ctx: Context): { detail: MsgRef; evidence: EvidenceRef[] };
  /**
   * How the rule reads a declared signal, whose values hold no counts: when it applies, and
   * the detail to show (default `rec.<id>.declared`). Without it, the rule waits for data.
   */
  declared?: { applies(s: SignalOutcome): boolean; detail?: MessageKey };
}

const declaredAbove = (x: number) => (s: SignalOutcome) => s.score !== null && s.score >= x;
const declaredBelow = (x: number) => (s: SignalOutcome) => s.score !== null && s.score < x;

const num = (v: number | string | null | undefined) => (typeof v === 'number' ? v : 0);
const list = (s: SignalOutcome, name: string) => s.highlights?.[name] ?? [];

export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [
  {
    id: 'seed-interactions',
    signal: 'member-replies',
    rank: { audience: 1 },
    applies: (s) => s.score !== null && s.score < 0.5,
    build: (s) => ({
      detail: msg(s.evidence.length > 0 ? 'rec.seed-interactions.detail' : 'rec.seed-interactions.detail.noneYet', {
        toBrand: num(s.values.toBrand),
        total: num(s.values.memberReplies),
      }),
      evidence: s.evidence,
    }),
    declared: { applies: declaredBelow(0.4) },
  },
  {
    id: 'answer-silence',
    signal: 'unanswered-brand-questions',
    rank: { audience: 2, ready: 6 },
    applies: (s) => s.score !== null && s.score < 0.5 && num(s.values.unanswered) > 0,
    build: (s) => ({
      detail: msg('rec.answer-silence.detail', { questions: num(s.values.questions), unanswered: num(s.values.unanswered) }),
      evidence: list(s, 'unanswered'),
    }),
  },
  {
    id: 'step-back',
    signal: 'broadcast-ratio',
    rank: { audience: 3, ready: 5 },
    applies: (s) => s.score !== null && s.score < 0.5,
    build: (s) => ({
      detail: msg('rec.step-back.detail', {
        brandMessageShare: num(s.values.brandMessageShare),
        onlyToYou: num(s.values.membersOnlyAnsweringBrand),
        replying: num(s.values.membersReplying),
      }),
      evidence: [],
    }),
    declared: { applies: declaredBelow(0.5) },
  },
  {
    id: 'open-questions',
    signal: 'peer-answers',
    rank: { audience: 4, ready: 4, community: 5 },
    applies: (s) => num(s.values.questions) >= 3 && (num(s.values.unanswered) > 0 || num(s.values.memberCoverage) < 0.5),
    build: (s) => {
      const values = {
        questions: num(s.values.questions),
        answered: num(s.values.answeredByMember),
        byBrand: num(s.values.answeredByBrand),
        unanswered: num(s.values.unanswered),
      };
      return values.unanswered > 0
        ? { detail: msg('rec.open-questions.detail', values), evidence: list(s, 'unanswered') }
        : { detail: msg('rec.open-questions.detail.allAnswered', values), evidence: list(s, 'answeredByMembers') };
    },
    declared: { applies: declaredBelow(0.5) },
  },
  {
    id: 'invite-core',
    signal: 'core-group',
    rank: { ready: 1, audience: 5 },
    applies: (s) => num(s.values.coreMembers) > 0,
    build: (s) => ({ detail: msg('rec.invite-core.detail', { count: num(s.values.coreMembers) }), evidence: list(s, 'inviteFirst') }),
    declared: { applies: declaredAbove(0.3) },
  },
  {
    id: 'open-owned-space',
    signal: 'desire-to-continue',
    rank: { ready: 2 },
    applies: () => true,
    build: (s, ctx) =>
      num(s.values.askers) > 0
        ? {
            detail: msg('rec.open-owned-space.detail', { askers: num(s.values.askers), supporters: num(s.values.supporters) }),
            evidence: list(s, 'requests'),
          }
        : {
            detail: msg('rec.open-owned-space.detail.noRequest', { share: num(ctx.signal('member-replies')?.values.share) }),
            evidence: [],
          },
    declared: { applies: () => true },
  },
  {
    id: 'follow-the-lead',
    signal: 'off-platform',
    rank: { ready: 3, community: 4 },
    applies: (s) => num(s.values.messages) > 0,
    build: (s) => ({ detail: msg('rec.follow-the-lead.detail', { members: num(s.values.members) }), evidence: list(s, 'proposals') }),
  },
  {
    id: 'own-your-ground',
    signal: 'rented-ground',
    rank: { community: 3, ready: 7 },
    applies: (s) => typeof s.values.rentedShare === 'number' && s.values.rentedShare >= 0.5,
    build: (s) => ({
      detail: msg('rec.own-your-ground.detail', { rentedShare: num(s.values.rentedShare), platforms: String(s.values.platforms ?? '') }),
      evidence: [],
    }),
  },
  {
    id: 'grow-and-gather',
    signal: 'rented-ground',
    rank: { audience: 6 },
    applies: () => true,
    build: (s) => ({
      detail:
        num(s.values.memberFileMembers) > 0
          ? msg('rec.grow-and-gather.detail', { contactable: num(s.values.contactable), fileMembers: num(s.values.memberFileMembers) })
          : msg('rec.grow-and-gather.detail.noFile'),
      evidence: [],
    }),
  },
  {
    id: 'state-mission',
    signal: 'shared-mission',
    rank: { audience: 4.5, ready: 4.5 },
    // a mission is only known from the questionnaire: data never measures it
    applies: () => false,
    build: () => ({ detail: msg('rec.state-mission.detail'), evidence: [] }),
    declared: { applies: declaredBelow(0.5), detail: 'rec.state-mission.detail' },
  },
  {
    id: 'create-conditions',
    signal: 'brand-independence',
    rank: { community: 1 },
    applies: (s) => s.score !== null,
    build: (s) => ({ detail: msg('rec.create-conditions.detail', { largest: num(s.values.largestMemberGroup) }), evidence: s.evidence.slice(0, 3) }),
    declared: { applies: () => true },
  },
  {
    id: 'give-core-roles',
    signal: 'core-group',
    rank: { community: 2 },
    applies: (s) => num(s.values.coreMembers) > 0,
    build: (s) => ({ detail: msg('rec.give-core-roles.detail', { count: num(s.values.coreMembers) }), evidence: list(s, 'inviteFirst').slice(0, 8) }),
    declared: { applies: declaredAbove(0.5) },
  },
  {
    id: 'support-initiatives',
    signal: 'spontaneous-initiatives',
    rank: { community: 3, ready: 9 },
    applies: (s) => num(s.values.initiatives) > 0,
    build: (s) => ({ detail: msg('rec.support-initiatives.detail', { initiatives: num(s.values.initiatives) }), evidence: list(s, 'initiatives').slice(0, 3) }),
  },
  {
    id: 'keep-networks',
    signal: 'broadcast-ratio',
    rank: { ready: 8, community: 7 },
    applies: () => true,
    build: () => ({ detail: msg('rec.keep-networks.detail'), evidence: [] }),
    declared: { applies: () => true, detail: 'rec.keep-networks.detail' },
  },
  {
    id: 'add-reply-data',
    signal: 'member-replies',
    rank: { 'insufficient-data': 1 },
    // a platform export that records replies natively: with too few messages, collect-more says it all
    applies: (_s, { facts }) => facts.replyLinks === 0 && facts.memberMessages > 0 && !(tooFew(facts) && replyDataAdvice(facts.formats ?? []) === 'rec.add-reply-data.detail.native'),
    build: (_s, { facts }) => ({ detail: msg(replyDataAdvice(facts.formats ?? [])), evidence: [] }),
  },
  {
    id: 'collect-more',
    signal: 'member-replies',
    rank: { 'insufficient-data': 2 },
    // unless the only thing missing is who answers whom (then add-reply-data says it all)
    applies: (_s, { facts }) => tooFew(facts) || guessedOnFew(facts) || facts.replyLinks > 0,
    build: (_s, { facts }) => ({
      detail: msg(!tooFew(facts) && guessedOnFew(facts) ? 'rec.collect-more.detail.inferred' : 'rec.collect-more.detail', {
        messages: facts.memberMessages,
        members: facts.activeMembers,
        needed: MIN_MESSAGES_WITH_INFERRED_REPLIES,
      }),
      evidence: [],
    }),
    declared: { applies: () => true },
  },
];

/**
 * Why no message answers another, and what to do, depends on the export: a CSV may lack its
 * parent column (--map can name it); a YouTube export was fetched without its replies; a
 * chat or forum export records replies whenever members use the reply feature.
 */
function replyDataAdvice(formats: string[]): MessageKey {
  if (formats.length === 1 && formats[0] === 'youtube') return 'rec.add-reply-data.detail.youtube';
  if (formats.length > 0 && !formats.some((f) => f === 'csv' || f === 'discord-csv')) return 'rec.add-reply-data.detail.native';
  return 'rec.add-reply-data.detail';
}

const tooFew = (f: AuditFacts) => f.memberMessages < MINIMUM_DATA.memberMessages || f.activeMembers < MINIMUM_DATA.activeMembers;
const guessedOnFew = (f: AuditFacts) => f.inferredShare > 0.5 && f.memberMessages < MIN_MESSAGES_WITH_INFERRED_REPLIES;

export const MAX_RECOMMENDATIONS = 5;

export function recommend(level: Level, outcomes: SignalOutcome[], facts: AuditFacts): RecommendationDraft[] {
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  const ctx: Context = { signal: (id) => byId.get(id), facts };
  return RECOMMENDATION_RULES.flatMap((r) => {
    const rank = r.rank[level];
    const s = byId.get(r.signal);
    if (rank === undefined || !s) return [];
    if (s.declared) {
      if (!r.declared?.applies(s)) return [];
      const detail = msg(r.declared.detail ?? (`rec.${r.id}.declared` as MessageKey));
      return [{ rank, draft: { id: r.id, signal: r.signal, title: msg(`rec.${r.id}.title`), detail, evidence: [] } }];
    }
    if (!r.applies(s, ctx)) return [];
    const { detail, evidence } = r.build(s, ctx);
    return [{ rank, draft: { id: r.id, signal: r.signal, title: msg(`rec.${r.id}.title`), detail, evidence } }];
  })
    .sort((a, b) => a.rank - b.rank || a.draft.id.localeCompare(b.draft.id))
    .slice(0, MAX_RECOMMENDATIONS)
    .map((x) => x.draft);
}

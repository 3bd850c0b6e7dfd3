/**
 * The AuditResult: what every renderer reads, and what `--format json` prints.
 * Defined with zod so that `community-audit schema` prints the same contract the code checks.
 */
import { z } from 'zod';

/** Bump on any change that breaks a consumer of the JSON. */
export const SCHEMA_VERSION = 1;

export const SIGNAL_GROUPS = ['community', 'audience', 'readiness', 'faq'] as const;
export const LEVELS = ['audience', 'ready', 'community', 'insufficient-data'] as const;
export const CATEGORY_IDS = ['community', 'readiness', 'audience-dependence'] as const;

const Value = z.union([z.number(), z.string(), z.null()]);

/** A sentence: the catalogue key and its values (data), plus its text in the report's language. */
export const Message = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  text: z.string(),
  /** the signal a why-line cites */
  signal: z.string().optional(),
});

export const Evidence = z.object({
  messageId: z.string().optional(),
  author: z.string().optional(),
  excerpt: z.string().optional(),
  source: z.string().optional(),
  line: z.number().int().optional(),
  /** when the evidence is a number about an author or a thread rather than one message */
  note: Message.optional(),
});

export const Confidence = z.object({
  level: z.enum(['high', 'medium', 'low']),
  notes: z.array(Message),
  /** how many items the score rests on (replies, conversations, questions, members…) */
  sample: z.number().int().optional(),
});

/** One answer of the questionnaire, as it feeds a declared signal. */
export const DeclaredAnswer = z.object({
  /** the question's id (src/quiz/questions.ts) */
  question: z.string(),
  text: z.string(),
  /** the choice's value, as in an answers file */
  answer: z.string(),
  answerText: z.string(),
  /** 0..1, higher = more community */
  score: z.number().min(0).max(1),
});

export const Signal = z.object({
  id: z.string(),
  group: z.enum(SIGNAL_GROUPS),
  title: z.string(),
  /** the article's sentence this signal measures */
  article: z.string(),
  status: z.enum(['measured', 'declared', 'not-applicable', 'error']),
  /** 0..1, higher = more community; null when not applicable */
  score: z.number().min(0).max(1).nullable(),
  summary: Message.nullable(),
  reason: Message.nullable(),
  values: z.record(z.string(), Value),
  evidence: z.array(Evidence),
  confidence: Confidence,
  /** for a `declared` signal: the answers its score comes from */
  answers: z.array(DeclaredAnswer).optional(),
});

/** Where the owner's answers and the data measure the same signal: the two side by side. */
export const Perception = z.object({
  signal: z.string(),
  title: z.string(),
  /** 0..1, from the answers */
  declared: z.number().min(0).max(1),
  /** 0..1, from the data */
  measured: z.number().min(0).max(1),
  /** declared − measured */
  gap: z.number().min(-1).max(1),
  /** `higher`: the owner sees more community than the data shows */
  view: z.enum(['agree', 'higher', 'lower']),
  answers: z.array(DeclaredAnswer),
  text: Message,
});

export const Category = z.object({
  id: z.enum(CATEGORY_IDS),
  title: z.string(),
  /** 0..100, null when none of its signals could be measured */
  score: z.number().min(0).max(100).nullable(),
  signals: z.array(z.object({ id: z.string(), weight: z.number(), score: z.number().nullable() })),
});

export const Recommendation = z.object({
  id: z.string(),
  signal: z.string(),
  title: Message,
  detail: Message,
  evidence: z.array(Evidence),
});

export const Source = z.object({
  file: z.string(),
  format: z.string(),
  platform: z.string(),
  rowsRead: z.number().int(),
  rowsSkipped: z.number().int(),
  systemMessages: z.number().int(),
  replies: z.array(z.string()),
});

/** Activity on one platform, when the audit reads several (the data behind `rented-ground`). */
export const PlatformBreakdown = z.object({
  platform: z.string(),
  messages: z.number().int(),
  /** share of all messages, 0..1 */
  share: z.number(),
  authors: z.number().int(),
  activeMembers: z.number().int(),
  memberMessages: z.number().int(),
  brandMessages: z.number().int(),
  memberToMember: z.number().int(),
  memberToBrand: z.number().int(),
});

/** One week of the reply series (weeks start on Mondays, UTC). */
export const WeekPoint = z.object({
  /** the Monday, YYYY-MM-DD */
  week: z.string(),
  /** member replies addressed to another member */
  memberToMember: z.number().int(),
  /** member replies (and top-level comments) addressed to the brand */
  memberToBrand: z.number().int(),
  /** threads the brand started: its own top-level messages, or its posts seen through their comments */
  brandPosts: z.number().int(),
  /** members who wrote at least once */
  activeMembers: z.number().int(),
  /** of those, members of the core group */
  coreActive: z.number().int(),
});

export const NetworkNode = z.object({
  /** `brand`, or `m1`, `m2`… in order of replies: never a name, so that names can be pseudonymized alone */
  id: z.string(),
  name: z.string(),
  kind: z.enum(['brand', 'member']),
  core: z.boolean(),
  /** replies sent and received within the network shown */
  replies: z.number().int(),
});

export const NetworkEdge = z.object({
  source: z.string(),
  target: z.string(),
  /** replies between the two, both ways */
  replies: z.number().int(),
});

/** What the HTML report draws, computed from the data (a renderer never sees the dataset). */
export const Charts = z.object({
  weeks: z.array(WeekPoint),
  network: z.object({
    /** the brand (one node for all its accounts) and the most connected members, at most `limit` */
    nodes: z.array(NetworkNode),
    edges: z.array(NetworkEdge),
    limit: z.number().int(),
    /** members with at least one reply link, shown or not */
    members: z.number().int(),
  }),
  core: z.object({
    /** core members: active in several weeks and answering other members; most replies first */
    members: z.array(z.string()),
    /** all of them, when `members` had to be cut */
    total: z.number().int(),
  }),
});

export const PERIOD_UNITS = ['week', 'month', 'quarter'] as const;

/** The same audit run on one period's messages alone (`--by`). */
export const Period = z.object({
  /** 2025-W03, 2025-01 or 2025-Q1 */
  label: z.string(),
  start: z.string(),
  end: z.string(),
  level: z.enum(LEVELS),
  title: z.string(),
  score: z.number().min(0).max(100).nullable(),
  confidence: z.enum(['high', 'medium', 'low']),
  messages: z.number().int(),
  memberMessages: z.number().int(),
  activeMembers: z.number().int(),
  memberToMember: z.number().int(),
  memberToBrand: z.number().int(),
  brandPosts: z.number().int(),
  coreMembers: z.number().int(),
  categories: z.record(z.string(), z.number().nullable()),
  /** every signal's score, 0..100, null when not measured in that period */
  signals: z.record(z.string(), z.number().nullable()),
  /** the rule that decided the level (it says what is missing when the data is too thin) */
  why: Message,
});

export const AuditResult = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('community-audit'), version: z.string() }),
  generatedAt: z.string(),
  lang: z.enum(['fr', 'en']),
  input: z.object({
    sources: z.array(Source),
    period: z.object({ start: z.string(), end: z.string() }).nullable(),
    messages: z.number().int(),
    authors: z.number().int(),
    activeMembers: z.number().int(),
    memberFile: z
      .object({ members: z.number().int(), matched: z.number().int(), contactable: z.number().int() })
      .nullable(),
    brand: z.object({
      method: z.enum(['option', 'roles', 'detected-threads', 'detected-answers', 'none']),
      accounts: z.array(z.string()),
      certainty: z.number(),
      note: Message.nullable(),
    }),
    replyLinks: z.object({
      explicit: z.number().int(),
      thread: z.number().int(),
      mention: z.number().int(),
      inferred: z.number().int(),
    }),
    /** present when questionnaire answers were given (`quiz`, or `--quiz` with data) */
    questionnaire: z
      .object({ questions: z.number().int(), answered: z.number().int(), skipped: z.number().int() })
      .optional(),
    /** one entry per platform, most messages first */
    platforms: z.array(PlatformBreakdown),
  }),
  verdict: z.object({
    level: z.enum(LEVELS),
    title: z.string(),
    /** 0..100, null when the data is insufficient */
    score: z.number().min(0).max(100).nullable(),
    confidence: z.enum(['high', 'medium', 'low']),
    why: z.array(Message),
  }),
  categories: z.array(Category),
  signals: z.array(Signal),
  recommendations: z.array(Recommendation),
  warnings: z.array(Message),
  /** with `--quiz`: each signal both answered and measured, the owner's view against the data */
  perception: z.array(Perception).optional(),
  charts: Charts.optional(),
  /** with --by: the verdict period by period */
  by: z.enum(PERIOD_UNITS).optional(),
  periods: z.array(Period).optional(),
});

export type MessageT = z.infer<typeof Message>;
export type EvidenceT = z.infer<typeof Evidence>;
export type SignalT = z.infer<typeof Signal>;
export type DeclaredAnswerT = z.infer<typeof DeclaredAnswer>;
export type PerceptionT = z.infer<typeof Perception>;
export type CategoryT = z.infer<typeof Category>;
export type RecommendationT = z.infer<typeof Recommendation>;
export type AuditResultT = z.infer<typeof AuditResult>;
export type ChartsT = z.infer<typeof Charts>;
export type WeekPointT = z.infer<typeof WeekPoint>;
export type PeriodT = z.infer<typeof Period>;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
export type Level = (typeof LEVELS)[number];
export type SignalGroup = (typeof SIGNAL_GROUPS)[number];
export type CategoryId = (typeof CATEGORY_IDS)[number];

export function auditResultJsonSchema(): unknown {
  return z.toJSONSchema(AuditResult, { target: 'draft-2020-12' });
}

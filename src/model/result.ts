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
});

export type MessageT = z.infer<typeof Message>;
export type EvidenceT = z.infer<typeof Evidence>;
export type SignalT = z.infer<typeof Signal>;
export type CategoryT = z.infer<typeof Category>;
export type RecommendationT = z.infer<typeof Recommendation>;
export type AuditResultT = z.infer<typeof AuditResult>;
export type Level = (typeof LEVELS)[number];
export type SignalGroup = (typeof SIGNAL_GROUPS)[number];
export type CategoryId = (typeof CATEGORY_IDS)[number];

export function auditResultJsonSchema(): unknown {
  return z.toJSONSchema(AuditResult, { target: 'draft-2020-12' });
}

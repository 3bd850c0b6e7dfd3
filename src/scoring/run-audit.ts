/**
 * Runs every detector over a dataset and assembles the AuditResult: categories, verdict,
 * why-lines, recommendations, and every sentence rendered in the report's language.
 */
import { type Derived, derive } from '../derive/index.js';
import { platformBreakdown } from '../derive/platforms.js';
import type { DetectorOutput, EvidenceRef } from '../detectors/define-detector.js';
import { detectors as registry, type Detector } from '../detectors/index.js';
import { type Lang, type MessageKey, type MsgRef, hasKey, msg, t } from '../i18n/index.js';
import type { Dataset, LoadIssue } from '../model/dataset.js';
import {
  type AuditResultT,
  type CategoryT,
  type EvidenceT,
  type MessageT,
  type PerceptionT,
  type PeriodUnit,
  SCHEMA_VERSION,
  type SignalT,
} from '../model/result.js';
import { CATEGORIES, INFORMATIVE_SIGNALS, WHY_ORDER } from './categories.js';
import { type DeclaredSignal, type QuestionnaireInfo, declaredSignalResult, perceptionOf } from './declared.js';
import { buildCharts } from './charts.js';
import { auditPeriods } from './periods.js';
import { type SignalOutcome, recommend } from './recommendations.js';
import { decideLevel } from './verdict.js';

export interface AuditOptions {
  lang: Lang;
  /** shown in the report; a fixed value makes the JSON byte-identical across runs */
  generatedAt?: Date;
  version?: string;
  /** how a person is named in the report (pseudonyms with --anonymize) */
  nameOf?: (authorIndex: number, ds: Dataset) => string;
  detectors?: readonly Detector[];
  /**
   * Signals the owner declared in the questionnaire, by signal id. They fill the signals the
   * data leaves unmeasured (or has no detector for); where the data measures one too, the
   * data's score stands and the two are compared in `perception`.
   */
  declared?: ReadonlyMap<string, DeclaredSignal>;
  /** how many questions were asked and answered; with a dataset holding no source, the audit rests on the answers alone */
  questionnaire?: QuestionnaireInfo;
  /** the verdict period by period (`--by`): the same audit on each period's messages */
  by?: PeriodUnit;
  /** the chart series of the HTML report (default true; the period audits skip them) */
  charts?: boolean;
}

type Confidence = 'high' | 'medium' | 'low';
const LEVELS: Confidence[] = ['low', 'medium', 'high'];

interface Measured {
  detector: Detector;
  out: DetectorOutput | null;
  error?: string;
}

export function runAudit(ds: Dataset, options: AuditOptions): AuditResultT {
  const { lang } = options;
  const d = derive(ds);
  const render = (ref: MsgRef): MessageT => ({ key: ref.key, ...(ref.values ? { values: ref.values } : {}), text: t(lang, ref.key, ref.values) });
  const nameOf = (a: number) => (options.nameOf ? options.nameOf(a, ds) : ds.authors[a]!.name);
  const sourceFile = (k: number) => ds.sources[ds.messages.source[k]!]!.file;

  const resolve = (e: EvidenceRef): EvidenceT => {
    const out: EvidenceT = {};
    if (e.message !== undefined) {
      out.messageId = ds.messageId(e.message);
      out.author = nameOf(ds.messages.author[e.message]!);
      out.excerpt = ds.excerpt(e.message);
      out.source = sourceFile(e.message);
      const line = ds.messages.line[e.message]!;
      if (line > 0) out.line = line;
    }
    if (e.author !== undefined) out.author = nameOf(e.author);
    if (e.note) out.note = render(e.note);
    return out;
  };

  const list = options.detectors ?? registry;
  const measure = (detector: Detector): Measured => {
    try {
      return { detector, out: detector.run({ ds, d }) };
    } catch (error) {
      return { detector, out: null, error: error instanceof Error ? error.message : String(error) };
    }
  };
  // Detectors are pure (what one computes is shared through caches on `d`, never changed), so
  // the order they run in changes no result, only the memory: the ones with large temporary
  // tables run before the reply network exists, so the two are never held at once. The
  // results keep the registry's order.
  const outputs = new Map<Detector, Measured>();
  for (const detector of list) if (RUN_FIRST.has(detector.id)) outputs.set(detector, measure(detector));
  for (const detector of list) if (!outputs.has(detector)) outputs.set(detector, measure(detector));
  const measured: Measured[] = list.map((detector) => outputs.get(detector)!);

  const totalLinks = d.replyKinds.explicit + d.replyKinds.thread + d.replyKinds.mention + d.replyKinds.inferred;
  const inferredShare = totalLinks > 0 ? d.replyKinds.inferred / totalLinks : 0;
  const mentionShare = totalLinks > 0 ? d.replyKinds.mention / totalLinks : 0;

  const signals: SignalT[] = measured.map(({ detector, out, error }) => {
    const id = detector.id;
    const title = t(lang, `signal.${id}.title` as MessageKey);
    const article = t(lang, `signal.${id}.article` as MessageKey);
    if (!out) {
      return {
        id, group: detector.group, title, article, status: 'error', score: null, summary: null,
        reason: render(msg('reason.detectorError', { error: error ?? '' })), values: {}, evidence: [],
        confidence: { level: 'low', notes: [] },
      };
    }
    const notes: MsgRef[] = [];
    let level = out.sample >= 40 ? 2 : out.sample >= 10 ? 1 : 0;
    if (out.sample < 10 && out.score !== null) notes.push(msg('confidence.smallSample', { n: out.sample }));
    if (out.usesReplies && inferredShare > 0.5) {
      level = Math.max(0, level - 1);
      notes.push(msg('confidence.inferred', { share: inferredShare }));
    } else if (out.usesReplies && mentionShare > 0.5) {
      level = Math.max(0, level - 1);
      notes.push(msg('confidence.mentions', { share: mentionShare }));
    }
    const score = out.score === null || Number.isNaN(out.score) ? null : Math.min(1, Math.max(0, out.score));
    return {
      id, group: detector.group, title, article,
      status: score === null ? 'not-applicable' : 'measured',
      score,
      summary: out.summary ? render(out.summary) : null,
      reason: score === null ? render(out.reason ?? msg('reason.notApplicable')) : null,
      values: out.values,
      evidence: (out.evidence ?? []).map(resolve),
      confidence: { level: LEVELS[level]!, notes: notes.map(render), sample: out.sample },
    };
  });

  // the owner's answers: fill what the data cannot measure; where both speak, set them side by side
  const answersOnly = options.questionnaire !== undefined && ds.sources.length === 0;
  const fromAnswers = new Set<string>();
  const perception: PerceptionT[] = [];
  if (options.declared) {
    for (const [id, dec] of [...options.declared].sort(([a], [b]) => a.localeCompare(b))) {
      const i = signals.findIndex((s) => s.id === id);
      const data = i < 0 ? undefined : signals[i]!;
      if (data && data.score !== null) {
        const p = perceptionOf(data, dec, render);
        if (p) perception.push(p);
      } else if (!data || dec.score !== null) {
        const title = t(lang, `signal.${id}.title` as MessageKey);
        const article = t(lang, `signal.${id}.article` as MessageKey);
        const s = declaredSignalResult(id, title, article, dec, render, data?.reason);
        if (i < 0) signals.push(s);
        else signals[i] = s;
        fromAnswers.add(id);
      }
    }
    signals.sort((a, b) => a.id.localeCompare(b.id));
  }

  const byId = new Map(signals.map((s) => [s.id, s]));
  const categories: CategoryT[] = CATEGORIES.map((c) => {
    let sum = 0;
    let weights = 0;
    const refs = c.signals.map(({ id, weight }) => {
      const s = byId.get(id);
      const score = s?.score ?? null;
      if (score !== null) {
        sum += score * weight;
        weights += weight;
      }
      return { id, weight: score === null ? 0 : weight, score };
    });
    return { id: c.id, title: t(lang, `category.${c.id}` as MessageKey), score: weights > 0 ? Math.round((sum / weights) * 100) : null, signals: refs };
  });
  const cat = (id: string) => categories.find((c) => c.id === id)!.score;
  const rule = decideLevel({
    memberMessages: d.memberMessages,
    activeMembers: d.activeMembers,
    community: cat('community'),
    readiness: cat('readiness'),
    audienceDependence: cat('audience-dependence'),
    ...(answersOnly ? { answers: { answered: options.questionnaire!.answered, asked: options.questionnaire!.questions } } : {}),
    replyLinks: totalLinks,
    inferredShare,
  });

  let overall: number | null = null;
  {
    let sum = 0;
    let w = 0;
    for (const c of CATEGORIES) {
      const s = cat(c.id);
      if (s === null) continue;
      sum += s * c.weight;
      w += c.weight;
    }
    if (w > 0 && rule.level !== 'insufficient-data') overall = Math.round(sum / w);
  }

  // verdict confidence: the sample, how replies were linked, how sure the brand is, and how
  // much of the community category could be measured at all
  const notes: MsgRef[] = [];
  let points = 3;
  if (d.memberMessages < SMALL_SAMPLE) {
    points--;
    notes.push(msg('why.smallSample', { messages: d.memberMessages, members: d.activeMembers }));
  }
  if (inferredShare > 0.5) {
    points--;
    notes.push(msg('why.inferredReplies', { share: inferredShare }));
  }
  // with brand accounts on several platforms, each is named with its platform
  const brandPlatforms = new Set(ds.brand.authors.map((a) => ds.authors[a]!.platform));
  const brandName = (a: number) => (brandPlatforms.size > 1 ? `${nameOf(a)} (${ds.authors[a]!.platform})` : nameOf(a));
  const guessedBrand = ds.brand.method === 'detected-threads' || ds.brand.method === 'detected-answers' || (ds.brand.assumed?.length ?? 0) > 0;
  if (!answersOnly && guessedBrand && ds.brand.certainty < 0.5) {
    points--;
    notes.push(msg('why.brandGuessed', { name: (ds.brand.assumed ?? ds.brand.authors).map(brandName).join(', '), certainty: ds.brand.certainty }));
  }
  if (measuredWeightShare(categories, 'community') < 0.5) points--;
  let confidence: Confidence = rule.level === 'insufficient-data' ? 'low' : LEVELS[Math.max(0, Math.min(2, points - 1))]!;
  // answers say how the owner sees things, not what happens: never more than medium
  if (answersOnly && rule.level !== 'insufficient-data') confidence = options.questionnaire!.answered >= 0.8 * options.questionnaire!.questions ? 'medium' : 'low';
  const asked = { answered: options.questionnaire?.answered ?? 0, asked: options.questionnaire?.questions ?? 0 };

  const whyLines: MessageT[] = [
    render(
      msg(rule.because, {
        community: cat('community') ?? 0,
        readiness: cat('readiness') ?? 0,
        audience: cat('audience-dependence') ?? 0,
        messages: d.memberMessages,
        members: d.activeMembers,
        share: inferredShare,
        ...asked,
      }),
    ),
  ];
  for (const { signal, missing } of decidingSignals(rule.level, signals)) {
    whyLines.push({
      ...render(msg(missing ? 'why.notYet' : 'why.signal', { title: missing ? lowerFirst(signal.title, lang) : signal.title, summary: lowerFirst(signal.summary!.text, lang) })),
      signal: signal.id,
    });
  }
  // notes the rule's own sentence already says are not repeated; a questionnaire alone has no data to note
  const said: Partial<Record<string, string[]>> = {
    'why.rule.insufficient': ['why.smallSample'],
    'why.rule.inferredSmall': ['why.smallSample', 'why.inferredReplies'],
  };
  if (!answersOnly) whyLines.push(...notes.filter((n) => !(said[rule.because] ?? []).includes(n.key)).map(render));
  if (answersOnly) whyLines.push(render(msg('quiz.why.declared', asked)));
  const filled = signals.filter((s) => fromAnswers.has(s.id) && s.score !== null).map((s) => s.title);
  if (!answersOnly && filled.length > 0) whyLines.push(render(msg('quiz.why.filled', { count: filled.length, list: filled.join(t(lang, 'why.listSeparator')) })));
  const disagreements = perception.filter((p) => p.view !== 'agree').length;
  if (disagreements > 0) whyLines.push(render(msg('quiz.why.disagree', { count: disagreements })));
  const unmeasured = signals.filter((s) => s.score === null && !INFORMATIVE_SIGNALS.includes(s.id)).map((s) => s.title);
  if (unmeasured.length > 0) {
    whyLines.push(render(msg(answersOnly ? 'quiz.why.unanswered' : 'why.unmeasured', { count: unmeasured.length, list: unmeasured.join(t(lang, 'why.listSeparator')) })));
  }

  const outcomes: SignalOutcome[] = measured
    .filter(({ detector }) => !fromAnswers.has(detector.id))
    .map(({ detector, out }) => ({
      id: detector.id,
      score: out?.score ?? null,
      values: out?.values ?? {},
      evidence: out?.evidence ?? [],
      highlights: out?.highlights ?? {},
    }));
  for (const id of fromAnswers) outcomes.push({ id, score: byId.get(id)!.score, values: {}, evidence: [], declared: true });
  const formats = [...new Set(ds.sources.filter((src) => src.rowsRead > 0).map((src) => src.format))];
  const recs = recommend(rule.level, outcomes, { replyLinks: totalLinks, inferredShare, memberMessages: d.memberMessages, activeMembers: d.activeMembers, formats });

  const brandNames = ds.brand.authors.map(brandName);
  const brandNote = answersOnly
    ? null
    : ds.brand.method === 'detected-threads' || ds.brand.method === 'detected-answers'
      ? msg(brandPlatforms.size > 1 ? 'brand.detectedPerPlatform' : ds.brand.method === 'detected-threads' ? 'brand.detectedThreads' : 'brand.detectedAnswers', { name: brandNames.join(', '), certainty: ds.brand.certainty })
      : ds.brand.method === 'none'
        ? msg('brand.none')
        : ds.brand.assumed?.length
          ? msg('brand.rolesAndDetected', { name: ds.brand.assumed.map(brandName).join(', '), certainty: ds.brand.certainty })
          : null;
  const matched = ds.members.filter((m) => m.author !== undefined).length;

  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'community-audit', version: options.version ?? '0.0.0' },
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    lang,
    input: {
      sources: ds.sources.map((s) => ({ file: s.file, format: s.format, platform: s.platform, rowsRead: s.rowsRead, rowsSkipped: s.rowsSkipped, systemMessages: s.systemMessages, replies: s.replies })),
      period: ds.period ? { start: new Date(ds.period.start).toISOString(), end: new Date(ds.period.end).toISOString() } : null,
      messages: ds.messages.count,
      authors: ds.authors.length,
      activeMembers: d.activeMembers,
      memberFile: ds.members.length > 0 ? { members: ds.members.length, matched, contactable: ds.members.filter((m) => m.contactable).length } : null,
      brand: { method: ds.brand.method, accounts: brandNames, certainty: ds.brand.certainty, note: brandNote ? render(brandNote) : null },
      replyLinks: { ...d.replyKinds },
      ...(options.questionnaire ? { questionnaire: { ...options.questionnaire } } : {}),
      platforms: platformBreakdown(ds, d),
    },
    verdict: {
      level: rule.level,
      title: t(lang, `level.${rule.level}` as MessageKey),
      score: overall,
      confidence,
      why: whyLines,
    },
    categories,
    signals,
    recommendations: recs.map((r) => ({ id: r.id, signal: r.signal, title: render(r.title), detail: render(r.detail), evidence: r.evidence.map(resolve) })),
    warnings: ds.issues.map((i) => render(issueMessage(i))),
    ...(options.declared && !answersOnly ? { perception } : {}),
    ...(options.charts === false ? {} : { charts: buildCharts(ds, d, nameOf) }),
    ...(options.by ? { by: options.by, periods: auditPeriods(ds, options.by, (slice) => runAudit(slice, { ...options, by: undefined, charts: false })) } : {}),
  };
}

/** A sentence set after a colon starts with a small letter (unless it opens with an acronym). */
function lowerFirst(text: string, lang: Lang): string {
  const [first, second] = [text.charAt(0), text.charAt(1)];
  return second && second === second.toLocaleUpperCase(lang) && /\p{L}/u.test(second) ? text : first.toLocaleLowerCase(lang) + text.slice(1);
}

/**
 * Detectors run before the others: collective-dynamic holds two pair tables sized by the
 * member replies and an implied target per message (~32 bytes a message), about what the
 * reply network keeps (brand-independence, core-group) once built.
 */
const RUN_FIRST: ReadonlySet<string> = new Set(['collective-dynamic']);

/** Below this many member messages, the verdict is a first estimate. */
export const SMALL_SAMPLE = 150;
/** How many signals a why-line list cites. */
const CITED = 3;

/** The share of a category's weight that could be measured (null signals weigh nothing). */
function measuredWeightShare(categories: CategoryT[], id: CategoryT['id']): number {
  const config = CATEGORIES.find((c) => c.id === id)!;
  const total = config.signals.reduce((sum, s) => sum + s.weight, 0);
  const measured = categories.find((c) => c.id === id)!.signals.reduce((sum, s) => sum + s.weight, 0);
  return total > 0 ? measured / total : 0;
}

/**
 * The signals that decided the level, for the why-lines: for a community, strong community
 * signals; for an audience, weak community and audience signals; for "ready", the strong
 * readiness signals and the community signal still missing. Among those, the most telling
 * first (WHY_ORDER, configuration).
 */
function decidingSignals(level: string, signals: SignalT[]): { signal: SignalT; missing: boolean }[] {
  if (level === 'insufficient-data') return [];
  const byId = new Map(signals.filter((s) => s.score !== null && s.summary !== null).map((s) => [s.id, s]));
  const pick = (order: readonly string[], keep: (score: number) => boolean) =>
    order.flatMap((id) => {
      const s = byId.get(id);
      return s && keep(s.score!) ? [s] : [];
    });
  // what the data measured explains a verdict better than what was declared, when there is both
  const declaredLast = (s: SignalT) => (s.status === 'declared' ? 1 : 0);
  const pickMeasuredFirst = (order: readonly string[], keep: (score: number) => boolean) => pick(order, keep).sort((a, b) => declaredLast(a) - declaredLast(b));
  if (level === 'community') return pickMeasuredFirst(WHY_ORDER.community, (x) => x >= 0.6).slice(0, CITED).map((signal) => ({ signal, missing: false }));
  if (level === 'audience') return pickMeasuredFirst(WHY_ORDER.audience, (x) => x < 0.4).slice(0, CITED).map((signal) => ({ signal, missing: false }));
  const ready = pickMeasuredFirst(WHY_ORDER.ready, (x) => x >= 0.5).slice(0, CITED - 1);
  const gap = pick(WHY_ORDER.missing, (x) => x < 0.4).find((s) => !ready.includes(s));
  return [...ready.map((signal) => ({ signal, missing: false })), ...(gap ? [{ signal: gap, missing: true }] : [])];
}

function issueMessage(issue: LoadIssue): MsgRef {
  const key = `issue.${issue.code}`;
  const values = { ...(issue.values ?? {}), file: issue.file ?? '', line: issue.line ?? 0 };
  return hasKey(key) ? msg(key, values) : msg('issue.unknown', { ...values, code: issue.code });
}

export type { Derived };

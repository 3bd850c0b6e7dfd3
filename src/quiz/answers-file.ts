/**
 * The answers file: what `quiz --template` prints, what `--save-answers` writes, what
 * `--answers` and `--quiz` read. One shape for all three, so a template filled in by hand,
 * a saved questionnaire and a script's output are interchangeable:
 *
 *   { "about": "…", "version": 1,
 *     "answers": { "<question id>": { "question": "…", "signal": "…", "allowed": {…}, "answer": "often" } } }
 *
 * A short form is read too: { "members-reply": "often", "mission": null }. null or an absent
 * question means skipped. Checked with a zod schema built from the questions, so an unknown
 * key or a value out of range is reported with the question and what is allowed.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { type Lang, type MessageKey, msg, t } from '../i18n/index.js';
import { type Answers, QUESTIONS, type Question, choiceKey, questionById } from './questions.js';

export const ANSWERS_FORMAT_VERSION = 1;
/** An answers file is a few kilobytes; anything much larger is not one. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

const WRAPPER_KEYS = ['about', 'version', 'answers'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{ "answer": "often", "question": … }` and `"often"` mean the same. */
const unwrap = (v: unknown) => (isPlainObject(v) && Object.hasOwn(v, 'answer') ? v.answer : v);

function answerSchema(q: Question) {
  const values = q.choices.map((c) => c.value) as [string, ...string[]];
  return z.preprocess(unwrap, z.enum(values).nullable().optional());
}

const AnswersShape = z.strictObject(Object.fromEntries(QUESTIONS.map((q) => [q.id, answerSchema(q)])));
const WrappedFile = z.strictObject({
  about: z.string().optional(),
  version: z.literal(ANSWERS_FORMAT_VERSION).optional(),
  answers: AnswersShape,
});

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(key.toLowerCase(), c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** A value as the person wrote it, short enough for one line. */
function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

function jsonPosition(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const at = pos ? Math.min(Number(pos[1]), text.length) : text.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/**
 * Reads an answers file's text. Every problem is listed at once (unknown keys, values out of
 * range), so a script's author fixes the file in one go.
 */
export function parseAnswers(raw: string, file: string, lang: Lang): Answers {
  const text = raw.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(msg('quiz.error.json', { file, ...jsonPosition(text, error) }));
  }
  const example = '{"members-reply": "often"}';
  if (!isPlainObject(data)) throw new InputError(msg('quiz.error.notObject', { file, example }));
  const wrapped = Object.hasOwn(data, 'answers') && isPlainObject(data.answers);
  const parsed = (wrapped ? WrappedFile : AnswersShape).safeParse(data);
  if (parsed.success) {
    const body = (wrapped ? (parsed.data as z.infer<typeof WrappedFile>).answers : parsed.data) as Record<string, string | null | undefined>;
    return new Map(QUESTIONS.map((q) => [q.id, body[q.id] ?? null]));
  }

  const answersOf = (wrapped ? data.answers : data) as Record<string, unknown>;
  const unknown: string[] = [];
  const problems: { order: number; text: string }[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const known = path.length === 0 && wrapped ? WRAPPER_KEYS : QUESTIONS.map((q) => q.id);
      for (const key of issue.keys) {
        const suggestion = closest(key, known);
        unknown.push(suggestion ? t(lang, 'quiz.error.didYouMean', { key, suggestion }) : key);
      }
      continue;
    }
    const id = wrapped ? (path[0] === 'answers' ? path[1] : undefined) : path[0];
    const q = id === undefined ? undefined : questionById(id);
    if (q) {
      const text = t(lang, 'quiz.error.badValue', { question: q.id, value: shown(unwrap(answersOf[q.id])), allowed: q.choices.map((c) => c.value).join(', ') });
      problems.push({ order: QUESTIONS.indexOf(q), text });
    } else if (path[0] === 'version') {
      problems.push({ order: -1, text: t(lang, 'quiz.error.badVersion', { version: ANSWERS_FORMAT_VERSION }) });
    } else if (path[0] === 'about') {
      problems.push({ order: -2, text: t(lang, 'quiz.error.badAbout') });
    } else {
      throw new InputError(msg('quiz.error.notObject', { file, example }));
    }
  }
  const parts: string[] = [];
  if (unknown.length > 0) parts.push(t(lang, 'quiz.error.unknownKeys', { count: unknown.length, keys: unknown.join(', ') }));
  parts.push(...problems.sort((x, y) => x.order - y.order).map((p) => p.text));
  throw new InputError(msg('quiz.error.invalid', { file, problems: parts.join(' ') }));
}

/** The file `--template` prints (answers null) and `--save-answers` writes (answers given). */
export function renderAnswersFile(lang: Lang, answers?: Answers): string {
  const body: Record<string, unknown> = {};
  QUESTIONS.forEach((q, i) => {
    body[q.id] = {
      question: `${i + 1}/${QUESTIONS.length} · ${t(lang, `quiz.q.${q.id}` as MessageKey)}`,
      signal: q.signal,
      allowed: Object.fromEntries(q.choices.map((c) => [c.value, t(lang, choiceKey(q, c.value) as MessageKey)])),
      answer: answers?.get(q.id) ?? null,
    };
  });
  return JSON.stringify({ about: t(lang, 'quiz.template.about'), version: ANSWERS_FORMAT_VERSION, answers: body }, null, 2) + '\n';
}

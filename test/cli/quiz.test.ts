/**
 * The questionnaire from scripts: answers files in, the same AuditResult as a data audit
 * out; the template; the errors a script's author sees; no terminal; answers with data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditResult, type AuditResultT } from '../../src/model/result.js';
import { QUESTIONS } from '../../src/quiz/questions.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/community-audit.js');
const fixture = (name: string) => join(ROOT, 'fixtures/quiz', name);
let tmp: string;

function run(args: string[], input?: string) {
  const r = spawnSync('node', [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', FORCE_COLOR: '0', LANG: 'C.UTF-8' },
    ...(input !== undefined ? { input } : { stdio: ['pipe', 'pipe', 'pipe'] }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]): AuditResultT {
  const r = run([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return AuditResult.parse(JSON.parse(r.stdout));
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ca-quiz-cli-'));
  if (run(['--version']).code !== 0) throw new Error('run `npm run build` first');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('quiz --answers: a verdict for each level', () => {
  it.each([
    ['audience.json', 'audience', 20],
    ['ready.json', 'ready', 20],
    ['community.json', 'community', 19],
    ['insufficient.json', 'insufficient-data', 6],
  ] as const)('%s → %s', (file, level, answered) => {
    const r = json(['quiz', '--answers', fixture(file), '--lang', 'en']);
    expect(r.verdict.level).toBe(level);
    expect(r.verdict.score === null).toBe(level === 'insufficient-data');
    expect(r.input.questionnaire).toEqual({ questions: QUESTIONS.length, answered, skipped: QUESTIONS.length - answered });
    expect(r.input.sources).toEqual([]);
    expect(r.recommendations.length).toBeGreaterThan(0);
    // every answered question shows up in a declared signal, and nothing is called measured
    const declared = r.signals.filter((s) => s.status === 'declared');
    expect(declared.flatMap((s) => s.answers ?? []).length).toBe(answered);
    expect(r.signals.some((s) => s.status === 'measured')).toBe(false);
    expect(r.verdict.why.some((w) => w.key === 'quiz.why.declared')).toBe(true);
  });

  it('says why a questionnaire with too few answers gets no verdict, and what to do', () => {
    const r = json(['quiz', '--answers', fixture('insufficient.json'), '--lang', 'en']);
    expect(r.verdict.why[0]!.text).toBe('Only 6 of 20 questions answered: at least 10 are needed to tell an audience from a community.');
    expect(r.recommendations.map((x) => x.id)).toEqual(['collect-more']);
    expect(r.recommendations[0]!.detail.text).toContain('Answer the questions you skipped');
  });

  it('cites what the person answered, not data it does not have', () => {
    const r = json(['quiz', '--answers', fixture('audience.json'), '--lang', 'en']);
    const replies = r.signals.find((s) => s.id === 'member-replies')!;
    expect(replies).toMatchObject({ status: 'declared', score: 0.25 });
    expect(replies.summary!.text).toBe('Your answer: “Rarely” (members answer each other).');
    for (const rec of r.recommendations) {
      expect(rec.evidence).toEqual([]);
      expect(rec.detail.text).not.toMatch(/\d+ of \d+|\d+%/);
    }
    expect(r.recommendations.map((x) => x.id)).toContain('seed-interactions');
  });

  it('gives byte-identical JSON for the same answers, the generation time aside', () => {
    const a = run(['quiz', '--answers', fixture('ready.json'), '--format', 'json', '--lang', 'fr']).stdout;
    const b = run(['quiz', '--answers', fixture('ready.json'), '--format', 'json', '--lang', 'fr']).stdout;
    const strip = (s: string) => s.replace(/"generatedAt": "[^"]*"/, '');
    expect(strip(a)).toBe(strip(b));
  });

  it('replays saved answers to the same result, and reads them back from stdin', () => {
    const saved = join(tmp, 'saved.json');
    const first = run(['quiz', '--answers', fixture('ready.json'), '--format', 'json', '--save-answers', saved, '--lang', 'en']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`Answers saved to ${saved}`);
    const again = run(['quiz', '--answers', saved, '--format', 'json', '--lang', 'en']);
    const piped = run(['quiz', '--answers', '-', '--format', 'json', '--lang', 'en'], readFileSync(saved, 'utf8'));
    const strip = (s: string) => ({ ...JSON.parse(s), generatedAt: null });
    expect(strip(again.stdout)).toEqual(strip(first.stdout));
    expect(strip(piped.stdout)).toEqual(strip(first.stdout));
  });

  it('prints the verdict in French in the text report', () => {
    const r = run(['quiz', '--answers', fixture('audience.json'), '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Vous avez une audience');
    expect(r.stdout).toContain('Votre réponse\u202f: «\u202fRarement\u202f» (les membres se');
    expect(r.stdout).toContain('* déclaré dans le questionnaire, pas mesuré');
    expect(r.stdout).toContain('20 questions sur 20 répondues');
    expect(r.stdout).not.toMatch(/Your answer|declared in the questionnaire|No brand account/);
  });
});

describe('quiz --template', () => {
  it('lists every question with its text and allowed values, ready to fill in', () => {
    const r = run(['quiz', '--template', '--lang', 'en']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as { answers: Record<string, { question: string; allowed: Record<string, string>; answer: null }> };
    expect(Object.keys(t.answers)).toEqual(QUESTIONS.map((q) => q.id));
    for (const q of QUESTIONS) {
      const entry = t.answers[q.id]!;
      expect(entry.answer).toBeNull();
      expect(Object.keys(entry.allowed)).toEqual(q.choices.map((c) => c.value));
      expect(entry.question).toMatch(new RegExp(`^${QUESTIONS.indexOf(q) + 1}/${QUESTIONS.length} · \\S`));
    }
  });

  it('is read back as is: a blank template is a questionnaire with nothing answered', () => {
    const file = join(tmp, 'blank.json');
    writeFileSync(file, run(['quiz', '--template', '--lang', 'fr']).stdout);
    const r = json(['quiz', '--answers', file, '--lang', 'en']);
    expect(r.verdict.level).toBe('insufficient-data');
    expect(r.input.questionnaire!.answered).toBe(0);
  });

  it('filled in by a script, gives the verdict of the short form', () => {
    const answers = JSON.parse(readFileSync(fixture('community.json'), 'utf8')) as Record<string, string | null>;
    const t = JSON.parse(run(['quiz', '--template']).stdout) as { answers: Record<string, { answer: string | null }> };
    for (const [id, v] of Object.entries(answers)) t.answers[id]!.answer = v;
    const file = join(tmp, 'filled.json');
    writeFileSync(file, JSON.stringify(t));
    const strip = (r: AuditResultT) => ({ ...r, generatedAt: null });
    expect(strip(json(['quiz', '--answers', file, '--lang', 'en']))).toEqual(strip(json(['quiz', '--answers', fixture('community.json'), '--lang', 'en'])));
  });
});

describe('quiz: errors a script can act on', () => {
  it('lists unknown keys and out-of-range values at once (exit 2, no stack trace)', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ 'members-reply': 'often', 'who-start': 'both', mission: 'yes', core: 7, zzz: 1 }));
    const r = run(['quiz', '--answers', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}: unknown keys: who-start (did you mean who-starts?), zzz.`);
    expect(r.stderr).toContain('“core” cannot be 7: allowed nobody, one-or-two, three-to-nine, ten-or-more, or null to skip it.');
    expect(r.stderr).toContain('“mission” cannot be "yes": allowed not-really, somewhat, clearly, why-they-are-here');
    expect(r.stderr).toContain('community-audit quiz --template');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the line of broken JSON, in French too', () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, '{\n  "members-reply": "often",\n}\n');
    const r = run(['quiz', '--answers', file, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}, ligne 3, colonne 1\u202f: ce n’est pas du JSON valide.`);
  });

  it('refuses a file far too large to be answers', () => {
    const file = join(tmp, 'huge.json');
    writeFileSync(file, `{"about": "${'x'.repeat(1_100_000)}"}`);
    const r = run(['quiz', '--answers', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('far too much for an answers file');
  });

  it('says the file is missing', () => {
    const r = run(['quiz', '--answers', join(tmp, 'nope.json'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file does not exist');
  });

  it('without a terminal and without --answers, explains --answers and --template (exit 2)', () => {
    const r = run(['quiz', '--lang', 'en'], '');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('stdin is not a terminal');
    expect(r.stderr).toContain('community-audit quiz --template > answers.json');
    expect(r.stderr).toContain('community-audit quiz --answers answers.json');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses to save the answers over the answers it reads', () => {
    const file = join(tmp, 'mine.json');
    writeFileSync(file, readFileSync(fixture('ready.json')));
    const r = run(['quiz', '--answers', file, '--save-answers', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(fixture('ready.json'), 'utf8'));
  });
});

describe('data and answers together (--quiz)', () => {
  const data = ['fixtures/instagram-audience/comments.csv', '--members', 'fixtures/instagram-audience/members.csv'].map((p, i) => (i === 1 ? p : join(ROOT, p)));

  it('keeps what the data measures, fills what it cannot with the answers, and says where they disagree', () => {
    const plain = json([...data, '--lang', 'en']);
    const r = json([...data, '--quiz', fixture('sees-a-community.json'), '--lang', 'en']);
    expect(r.input.questionnaire).toEqual({ questions: QUESTIONS.length, answered: 20, skipped: 0 });

    // measured signals stand as measured, with the same score
    for (const s of plain.signals.filter((x) => x.status === 'measured')) {
      expect(r.signals.find((x) => x.id === s.id)).toMatchObject({ status: 'measured', score: s.score });
    }
    // the mission only the owner can tell
    expect(r.signals.find((s) => s.id === 'shared-mission')).toMatchObject({ status: 'declared', score: 0.7 });

    // the owner sees members answering each other; the data does not
    const replies = r.perception!.find((p) => p.signal === 'member-replies')!;
    const measured = plain.signals.find((s) => s.id === 'member-replies')!;
    expect(replies).toMatchObject({ view: 'higher', declared: 1, measured: measured.score });
    expect(replies.text.text).toBe(
      `You see more than the data shows. You answered “Very often” to “Do your members answer each other, not only you?”; in the data: ${measured.summary!.text.replace(/^./, (c) => c.toLowerCase())}`,
    );
    expect(r.perception!.filter((p) => p.view === 'higher').length).toBeGreaterThanOrEqual(3);
    expect(r.verdict.why.some((w) => w.key === 'quiz.why.disagree')).toBe(true);
  });

  it('shows the two views side by side in the text report', () => {
    const r = run([...data, '--quiz', fixture('sees-a-community.json'), '--lang', 'en']);
    expect(r.code).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('Your view against the data'));
    expect(section).toMatch(/≠ Members answer each other {2}you 100 · data \d+/);
    expect(section.replace(/\s+/g, ' ')).toContain('You answered “Very often” to “Do your members answer each other, not only you?”; in the data:');
  });

  it('agrees with an owner whose answers match the data', () => {
    const r = json([...data, '--quiz', fixture('audience.json'), '--lang', 'en']);
    expect(r.perception!.find((p) => p.signal === 'member-replies')!.view).toBe('agree');
    expect(r.verdict.level).toBe('audience');
  });

  it('rejects an invalid answers file before reading the data', () => {
    const file = join(tmp, 'bad-quiz.json');
    writeFileSync(file, '{"members-reply": "always"}');
    const r = run([...data, '--quiz', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“members-reply” cannot be "always"');
  });
});

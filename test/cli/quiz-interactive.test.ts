/**
 * The questionnaire driven for real, in a terminal (tmux): every question answered with the
 * arrow keys, one answer changed by going back with ←, another with the "Back" choice, one
 * question skipped. The verdict and the JSON must be those of the same answers replayed
 * from a file. Then Ctrl-C and Esc: exit 130, one line, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/quiz/questions.js';
import { type Terminal, openTerminal, tmuxAvailable } from '../helpers/tmux.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/community-audit.js');
const ENV = { FORCE_COLOR: '0', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
const TOTAL = QUESTIONS.length;

let dir: string;
let term: Terminal | undefined;

beforeAll(() => {
  if (!tmuxAvailable()) throw new Error('tmux is needed for the interactive questionnaire test: apt-get install tmux (.ci/run installs it)');
  if (spawnSync('node', [BIN, '--version']).status !== 0) throw new Error('run `npm run build` first');
});

afterEach(() => {
  term?.kill();
  term = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function start(args: string): Terminal {
  dir = mkdtempSync(join(tmpdir(), 'ca-quiz-'));
  term = openTerminal(`node ${BIN} quiz ${args}; echo "EXIT=$?"`, { cwd: dir, env: ENV });
  return term;
}

/** The question on screen is number n (the previous one is cleared once answered). */
const prompt = (n: number) => new RegExp(`\\? ${n}/${TOTAL} ·`);

/** Up to the top of the list, then down to the choice at `index`, then Enter. */
function choose(t: Terminal, index: number): void {
  t.send(...Array<string>(8).fill('Up'), ...Array<string>(index).fill('Down'), 'Enter');
}

const withoutTime = (json: string) => ({ ...JSON.parse(json), generatedAt: null });

describe('quiz in a terminal', () => {
  it('answers every question, goes back twice, skips one, and gets the verdict of the same answers replayed from a file', async () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, 'fixtures/quiz/community.json'), 'utf8')) as Record<string, string | null>;
    const t = start('--lang en --format json --out result.json --save-answers answers.json');
    await t.waitFor('questions on what you see');

    for (let i = 0; i < TOTAL; i++) {
      const q = QUESTIONS[i]!;
      await t.waitFor(prompt(i + 1));
      const wanted = fixture[q.id] ?? null;
      const index = wanted === null ? q.choices.length /* the first choice after the separator: Skip */ : q.choices.findIndex((c) => c.value === wanted);
      expect(index, `${q.id} = ${wanted}`).toBeGreaterThanOrEqual(0);

      if (q.id === 'members-reply') {
        // a first, wrong answer, taken back from the next question with ←
        choose(t, 0);
        await t.waitFor(prompt(i + 2));
        t.send('Left');
        const screen = await t.waitFor(prompt(i + 1));
        expect(screen).toContain('Do your members answer each other');
      }
      if (q.id === 'emulation') {
        // leave this one through the "Back" choice (two below Skip), then answer both again
        choose(t, q.choices.length + 1);
        await t.waitFor(prompt(i));
        const previous = QUESTIONS[i - 1]!;
        choose(t, previous.choices.findIndex((c) => c.value === fixture[previous.id]));
        await t.waitFor(prompt(i + 1));
      }
      choose(t, index);
    }

    const screen = await t.waitFor(/EXIT=\d+/, 20_000);
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain(`${TOTAL - 1} of ${TOTAL} questions answered.`);

    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result.verdict.level).toBe('community');
    expect(result.input.questionnaire).toEqual({ questions: TOTAL, answered: TOTAL - 1, skipped: 1 });

    const saved = JSON.parse(readFileSync(join(dir, 'answers.json'), 'utf8')) as { answers: Record<string, { answer: string | null }> };
    expect(Object.fromEntries(Object.entries(saved.answers).map(([id, e]) => [id, e.answer]))).toEqual(fixture);

    const replay = spawnSync('node', [BIN, 'quiz', '--answers', join(ROOT, 'fixtures/quiz/community.json'), '--lang', 'en', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...ENV } });
    expect(replay.status).toBe(0);
    expect(withoutTime(readFileSync(join(dir, 'result.json'), 'utf8'))).toEqual(withoutTime(replay.stdout));
  });

  for (const [name, key] of [['Ctrl-C', 'C-c'], ['Esc', 'Escape']] as const) {
    it(`${name} in the middle exits 130 with one line, no stack trace, and writes nothing`, async () => {
      const t = start('--lang en --out result.json --save-answers answers.json');
      await t.waitFor(prompt(1));
      choose(t, 1);
      await t.waitFor(prompt(2));
      t.send(key);
      const screen = await t.waitFor(/EXIT=\d+/);
      expect(screen).toContain('EXIT=130');
      expect(screen.match(/questionnaire interrupted: nothing was written\./g)).toHaveLength(1);
      expect(screen).not.toMatch(/\n\s+at |Error:|ExitPromptError|AbortPromptError/);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});

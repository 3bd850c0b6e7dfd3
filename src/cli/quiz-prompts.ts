/**
 * The questionnaire in a terminal, with @inquirer/prompts (loaded only here, so the other
 * commands start fast). Prompts go to stderr, so the report on stdout can be piped or
 * redirected. One `select` per question: the choices, then "Skip" and "Back"; ← goes back
 * too, Esc and Ctrl-C give up (the caller exits 130 and writes nothing).
 */
import { type Lang, type MessageKey, t } from '../i18n/index.js';
import { type Answers, QUESTIONS, choiceKey } from '../quiz/questions.js';

export type AskOutcome = { kind: 'done'; answers: Answers } | { kind: 'interrupted' };

/** Values no question uses, for the two navigation choices. */
const SKIP = '\u0000skip';
const BACK = '\u0000back';

interface KeyInfo {
  name?: string;
  ctrl?: boolean;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

export async function askQuestions(lang: Lang, input: NodeJS.ReadableStream, output: NodeJS.WritableStream & { columns?: number }): Promise<AskOutcome> {
  const { select, Separator } = await import('@inquirer/prompts');
  const total = QUESTIONS.length;
  const answers = new Map<string, string | null>();
  output.write(wrap(t(lang, 'quiz.intro', { total }), Math.min(100, (output.columns ?? 80) - 1)) + '\n\n');

  let i = 0;
  while (i < total) {
    const q = QUESTIONS[i]!;
    const controller = new AbortController();
    let cause: 'back' | 'quit' | undefined;
    // select() has no binding for ← or Esc: listen beside it, and abort the prompt
    const onKey = (_s: unknown, key: KeyInfo | undefined) => {
      if (key?.name === 'escape') cause = 'quit';
      else if (key?.name === 'left' && i > 0) cause = 'back';
      else return;
      controller.abort();
    };
    input.on('keypress', onKey);
    try {
      const previous = answers.get(q.id);
      const value = await select(
        {
          message: `${t(lang, 'quiz.progress', { n: i + 1, total, source: t(lang, `quiz.source.${q.source}` as MessageKey) })}\n  ${t(lang, `quiz.q.${q.id}` as MessageKey)}`,
          choices: [
            ...q.choices.map((c) => ({ value: c.value, name: t(lang, choiceKey(q, c.value) as MessageKey) })),
            new Separator(' '),
            { value: SKIP, name: t(lang, 'quiz.skip'), short: t(lang, 'quiz.skipped') },
            ...(i > 0 ? [{ value: BACK, name: t(lang, 'quiz.back') }] : []),
          ],
          ...(previous !== undefined ? { default: previous ?? SKIP } : {}),
          pageSize: q.choices.length + 3,
          loop: false,
          theme: { style: { keysHelpTip: () => t(lang, 'quiz.keys') } },
        },
        // one question on screen at a time: the answered one (or the one left with ←) is cleared
        { input, output, signal: controller.signal, clearPromptOnDone: true },
      );
      if (value === BACK) {
        i--;
        continue;
      }
      answers.set(q.id, value === SKIP ? null : value);
      i++;
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      if (name === 'AbortPromptError' && cause === 'back') {
        i--;
        continue;
      }
      if (name === 'AbortPromptError' || name === 'ExitPromptError' || name === 'CancelPromptError') return { kind: 'interrupted' };
      throw error;
    } finally {
      input.off('keypress', onKey);
    }
  }
  return { kind: 'done', answers: new Map(QUESTIONS.map((q) => [q.id, answers.get(q.id) ?? null])) };
}

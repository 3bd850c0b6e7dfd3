/** `community-audit quiz`: a verdict from the owner's answers, asked in the terminal or read from a file. */
import { InputError } from '../../errors.js';
import { type Lang, type MsgRef, msg, t } from '../../i18n/index.js';
import type { Answers } from '../../quiz/questions.js';
import { ExitCode } from '../exit-codes.js';
import { version } from '../options.js';
import type { CliIo } from '../run-cli.js';
import type { OUTPUT_FORMATS } from './audit.js';

export interface QuizFlags {
  answers?: string;
  template?: boolean;
  saveAnswers?: string;
  format: (typeof OUTPUT_FORMATS)[number];
  out?: string;
  lang?: Lang;
  color: boolean;
  quiet?: boolean;
}

export async function quiz(flags: QuizFlags, io: CliIo, lang: Lang, say: (ref: MsgRef) => unknown): Promise<number> {
  const { writeAtomically, assertNotAnInput } = await import('../write-output.js');
  if (flags.template) {
    if (flags.answers) throw new InputError(msg('quiz.error.templateWithAnswers'));
    const { renderAnswersFile } = await import('../../quiz/answers-file.js');
    const template = renderAnswersFile(lang);
    if (flags.out) await writeAtomically(flags.out, template);
    else io.stdout.write(template);
    return ExitCode.ok;
  }

  const inputs = flags.answers && flags.answers !== '-' ? [flags.answers] : [];
  if (flags.out) assertNotAnInput(flags.out, [...inputs, ...(flags.saveAnswers ? [flags.saveAnswers] : [])]);
  if (flags.saveAnswers) assertNotAnInput(flags.saveAnswers, inputs);

  let answers: Answers;
  if (flags.answers) {
    const { readAnswers } = await import('../read-answers.js');
    answers = await readAnswers(flags.answers, io, lang);
  } else {
    if (!io.stdin.isTTY) throw new InputError(msg('quiz.error.noTty'));
    const { askQuestions } = await import('../quiz-prompts.js');
    // questions on stderr, so the report can be redirected; on stdout only if stderr goes elsewhere and stdout is the terminal
    const screen = io.stderr.isTTY || !io.stdout.isTTY ? io.stderr : io.stdout;
    const outcome = await askQuestions(lang, io.stdin, screen as unknown as NodeJS.WritableStream & { columns?: number });
    if (outcome.kind === 'interrupted') {
      say(msg('quiz.interrupted'));
      return ExitCode.interrupted;
    }
    answers = outcome.answers;
  }

  const { auditAnswers, questionnaireInfo } = await import('../../quiz/declare.js');
  if (!flags.answers && !flags.quiet) {
    const info = questionnaireInfo(answers);
    io.stderr.write('\n' + t(lang, 'quiz.done', { answered: info.answered, total: info.questions }) + '\n\n');
  }
  const result = auditAnswers(answers, { lang, version: version() });
  const { renderReport } = await import('../render-report.js');
  const output = await renderReport(result, flags.format, io, { toFile: Boolean(flags.out), color: flags.color });

  if (flags.saveAnswers) {
    const { renderAnswersFile } = await import('../../quiz/answers-file.js');
    await writeAtomically(flags.saveAnswers, renderAnswersFile(lang, answers));
    if (!flags.quiet) io.stderr.write(t(lang, 'quiz.saved', { file: flags.saveAnswers }) + '\n');
  }
  if (flags.out) await writeAtomically(flags.out, output);
  else io.stdout.write(output);
  return ExitCode.ok;
}

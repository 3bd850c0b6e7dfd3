/** Reading an answers file (`quiz --answers`, `--quiz`): a path, or '-' for stdin. */
import { InputError } from '../errors.js';
import { type Lang, msg } from '../i18n/index.js';
import { type Input, openFile, openStdin } from '../load/read.js';
import { MAX_ANSWERS_BYTES, parseAnswers } from '../quiz/answers-file.js';
import type { Answers } from '../quiz/questions.js';
import type { CliIo } from './run-cli.js';

export async function readAnswers(path: string, io: CliIo, lang: Lang): Promise<Answers> {
  let input: Input;
  if (path === '-') {
    if (io.stdin.isTTY) throw new InputError(msg('error.stdinTty'));
    input = await openStdin(io.stdin as NodeJS.ReadableStream & AsyncIterable<Buffer>);
  } else input = await openFile(path);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input.bytes()) {
    size += chunk.length;
    if (size > MAX_ANSWERS_BYTES) throw new InputError(msg('quiz.error.tooLarge', { file: input.label, size: input.size ?? size }));
    chunks.push(chunk);
  }
  return parseAnswers(Buffer.concat(chunks).toString('utf8'), input.label, lang);
}

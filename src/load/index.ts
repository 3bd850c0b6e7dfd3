/**
 * load/: inputs in, a Dataset out. Detects each input's format, reads it into one builder
 * (several files make one dataset), reads the member file, and finishes the dataset.
 */
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import type { Dataset } from '../model/dataset.js';
import { createDatasetBuilder } from './builder.js';
import { READERS, type ReadOptions, readerByName } from './formats/index.js';
import { loadMembers } from './members.js';
import { type Input, decodeHead, detectEncoding, sniffBinary } from './read.js';

export interface LoadOptions extends ReadOptions {
  inputFormat?: string;
  brand?: string[];
  since?: number;
  until?: number;
}

export async function loadDataset(inputs: Input[], options: LoadOptions, memberInput?: Input): Promise<Dataset> {
  const builder = createDatasetBuilder();
  for (const input of inputs) {
    if (input.head.length === 0) throw new InputError(msg('error.emptyFile', { file: input.label }));
    const reader = options.inputFormat ? readerByName(options.inputFormat) : detectReader(input);
    if (!reader) throw new InputError(msg('error.badOption', { message: `unknown --input-format ${options.inputFormat}` }));
    await reader.read(input, { builder, options });
  }
  let members: Awaited<ReturnType<typeof loadMembers>> | undefined;
  if (memberInput) {
    if (memberInput.head.length === 0) throw new InputError(msg('error.emptyFile', { file: memberInput.label }));
    const kind = sniffBinary(memberInput.head);
    if (kind) throw new InputError(msg('error.binaryFile', { file: memberInput.label, kind }));
    members = await loadMembers(memberInput);
    for (const issue of members.issues) builder.issue(issue);
    if (members.members.length === 0) builder.issue({ code: 'members-empty', file: memberInput.label });
  }
  const ds = builder.finish({
    ...(options.brand ? { brand: options.brand } : {}),
    ...(members ? { members: members.members } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.until !== undefined ? { until: options.until } : {}),
  });
  if (memberInput && members) {
    const total = members.members.length;
    const unmatched = ds.members.filter((m) => m.author === undefined && m.line > 0).length;
    if (total > 0 && unmatched === total) ds.issues.push({ code: 'members-unmatched', file: memberInput.label, values: { count: unmatched, total } });
  }
  return ds;
}

function detectReader(input: Input) {
  const binary = sniffBinary(input.head);
  const headText = binary ? '' : decodeHead(input.head, detectEncoding(input.head));
  let best = null;
  let bestScore = 0;
  for (const reader of READERS) {
    const score = reader.detect(input, headText);
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  if (binary && (!best || bestScore < 0.5)) throw new InputError(msg('error.binaryFile', { file: input.label, kind: binary }));
  return best ?? READERS[0]!;
}

export { openFile, openStdin, type Input } from './read.js';

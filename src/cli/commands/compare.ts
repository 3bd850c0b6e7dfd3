/** `community-audit compare before.json after.json`: what moved between two audits. */
import { InputError } from '../../errors.js';
import { type Lang, type MsgRef, msg, t } from '../../i18n/index.js';
import type { AuditResultT } from '../../model/result.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../run-cli.js';

export const COMPARE_FORMATS = ['text', 'json', 'markdown'] as const;

export interface CompareFlags {
  format?: string;
  out?: string;
  failOnDrop?: string;
  color?: boolean;
}

/** An audit JSON of this schema version, or an InputError that says what the file is instead. */
async function readAudit(path: string, lang: Lang): Promise<AuditResultT> {
  const { openFile } = await import('../../load/read.js');
  const input = await openFile(path);
  const chunks: Buffer[] = [];
  for await (const chunk of input.bytes()) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(msg('error.notAudit', { file: path, reason: t(lang, 'compare.reason.json') }));
  }
  const { AuditResult, SCHEMA_VERSION } = await import('../../model/result.js');
  const version = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).schemaVersion : undefined;
  if (version === undefined || (data as Record<string, unknown>).tool === undefined) {
    throw new InputError(msg('error.notAudit', { file: path, reason: t(lang, 'compare.reason.shape') }));
  }
  if (version !== SCHEMA_VERSION) {
    throw new InputError(msg('error.schemaVersion', { file: path, found: String(version), expected: SCHEMA_VERSION }));
  }
  const parsed = AuditResult.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(msg('error.notAudit', { file: path, reason: t(lang, 'compare.reason.invalid', { path: issue?.path.join('.') || '(root)' }) }));
  }
  return parsed.data;
}

export async function compare(beforePath: string, afterPath: string, flags: CompareFlags, io: CliIo, lang: Lang, say: (ref: MsgRef) => unknown): Promise<number> {
  const format = flags.format ?? 'text';
  if (!(COMPARE_FORMATS as readonly string[]).includes(format)) {
    throw new InputError(msg('error.compareFormat', { format }));
  }
  const drop = flags.failOnDrop === undefined ? undefined : Number(flags.failOnDrop);
  if (drop !== undefined && (flags.failOnDrop!.trim() === '' || !Number.isFinite(drop) || drop < 0 || drop > 100)) {
    throw new InputError(msg('error.badDrop', { value: flags.failOnDrop ?? '' }));
  }
  if (flags.out) {
    const { assertNotAnInput } = await import('../write-output.js');
    assertNotAnInput(flags.out, [beforePath, afterPath]);
  }
  const before = await readAudit(beforePath, lang);
  const after = await readAudit(afterPath, lang);
  const { compareAudits, judgeDrop } = await import('../../scoring/compare.js');
  const comparison = compareAudits(beforePath, before, afterPath, after);

  let output: string;
  if (format === 'json') output = JSON.stringify(comparison, null, 2) + '\n';
  else if (format === 'markdown') {
    const { renderCompareMarkdown } = await import('../../render/compare.js');
    output = renderCompareMarkdown(comparison, lang);
  } else {
    const { renderCompareText } = await import('../../render/compare.js');
    const color = flags.color !== false && !io.env.NO_COLOR && io.env.FORCE_COLOR !== '0' && !flags.out && (io.stdout.isTTY === true || io.env.FORCE_COLOR !== undefined);
    output = renderCompareText(comparison, lang, { color, width: io.stdout.columns ?? (Number(io.env.COLUMNS) || 100) });
  }
  if (flags.out) {
    const { writeAtomically } = await import('../write-output.js');
    await writeAtomically(flags.out, output);
  } else io.stdout.write(output);

  const outcome = judgeDrop(comparison, drop);
  if (outcome === 3) {
    say(msg('error.dropUnknown'));
    return ExitCode.insufficientData;
  }
  if (outcome === 1) {
    say(msg('error.drop', { drop: -(comparison.score.delta ?? 0), points: drop ?? 0 }));
    return ExitCode.thresholdNotMet;
  }
  return ExitCode.ok;
}

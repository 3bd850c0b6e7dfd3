/** The main command: audit exports. */
import { InputError } from '../../errors.js';
import { type Lang, type MsgRef, msg, t } from '../../i18n/index.js';
import type { Container } from '../../load/container.js';
import type { Input } from '../../load/read.js';
import type { AuditOptions } from '../../scoring/run-audit.js';
import { ExitCode, judgeThresholds } from '../exit-codes.js';
import { parseDate, parseMap, version } from '../options.js';
import type { CliIo } from '../run-cli.js';

export const OUTPUT_FORMATS = ['text', 'json', 'markdown', 'html'] as const;

export interface AuditFlags {
  members?: string;
  brand?: string[];
  format: (typeof OUTPUT_FORMATS)[number];
  out?: string;
  lang?: Lang;
  since?: string;
  until?: string;
  inputFormat?: string;
  platform?: string;
  map: string[];
  dateFormat?: string;
  /** questionnaire answers to add to the data */
  quiz?: string;
  failUnder?: string;
  failOn?: 'audience' | 'ready';
  by?: 'week' | 'month' | 'quarter';
  anonymize?: boolean;
  salt?: string;
  color: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export async function audit(files: string[], flags: AuditFlags, io: CliIo, lang: Lang, say: (ref: MsgRef) => unknown): Promise<number> {
  if (files.length === 0) {
    throw new InputError(msg('error.badOption', { message: lang === 'fr' ? 'aucun fichier à auditer. Exemple : community-audit commentaires.csv (ou community-audit quiz sans données)' : 'no file to audit. Example: community-audit comments.csv (or community-audit quiz without data)' }));
  }
  const { DATE_FORMATS } = await import('../../load/dates.js');
  if (flags.dateFormat && !(DATE_FORMATS as readonly string[]).includes(flags.dateFormat)) {
    throw new InputError(msg('error.badDateFormat', { formats: DATE_FORMATS.join(', '), value: flags.dateFormat }));
  }
  const failUnder = flags.failUnder === undefined ? undefined : Number(flags.failUnder);
  if (failUnder !== undefined && (!Number.isFinite(failUnder) || failUnder < 0 || failUnder > 100)) {
    throw new InputError(msg('error.badOption', { message: `--fail-under expects a score from 0 to 100; got "${flags.failUnder}"` }));
  }
  const map = parseMap(flags.map);
  const since = flags.since ? parseDate('--since', flags.since, false) : undefined;
  const until = flags.until ? parseDate('--until', flags.until, true) : undefined;
  if (flags.out) {
    const { assertNotAnInput } = await import('../write-output.js');
    assertNotAnInput(flags.out, [...files.filter((f) => f !== '-'), ...(flags.members ? [flags.members] : []), ...(flags.quiz && flags.quiz !== '-' ? [flags.quiz] : [])]);
  }
  let declared: Pick<AuditOptions, 'declared' | 'questionnaire'> = {};
  if (flags.quiz) {
    if (flags.quiz === '-' && files.includes('-')) throw new InputError(msg('quiz.error.stdinTwice'));
    const { readAnswers } = await import('../read-answers.js');
    const { declaredOptions } = await import('../../quiz/declare.js');
    declared = declaredOptions(await readAnswers(flags.quiz, io, lang));
  }

  const { loadDataset, openFile, openPath, openStdin } = await import('../../load/index.js');
  // a path may be a folder (an unzipped Slack export, a Stack Exchange dump)
  const inputs: (Input | Container)[] = [];
  for (const f of files) {
    if (f === '-') {
      if (io.stdin.isTTY) throw new InputError(msg('error.stdinTty'));
      inputs.push(await openStdin(io.stdin as NodeJS.ReadableStream & AsyncIterable<Buffer>));
    } else inputs.push(await openPath(f));
  }
  const memberInput = flags.members ? await openFile(flags.members) : undefined;

  const { startProgress } = await import('../progress.js');
  const progress = await startProgress(io.stderr, lang, !flags.quiet);
  let dataset;
  let result;
  try {
    dataset = await loadDataset(
      inputs,
      {
        map,
        lang,
        ...(flags.dateFormat ? { dateFormat: flags.dateFormat as (typeof DATE_FORMATS)[number] } : {}),
        ...(flags.platform ? { platform: flags.platform } : {}),
        ...(flags.inputFormat ? { inputFormat: flags.inputFormat } : {}),
        ...(flags.brand ? { brand: flags.brand } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        onProgress: (rows, bytes) => progress.update(inputs, rows, bytes),
      },
      memberInput,
    );
    // a large export takes seconds to measure too: the spinner says so until the report is ready
    progress.phase(t(lang, 'progress.auditing'));
    const { runAudit } = await import('../../scoring/run-audit.js');
    const { preparePrivacy } = await import('../../privacy/anonymize.js');
    const salt = flags.salt ?? (flags.anonymize ? io.env.COMMUNITY_AUDIT_SALT || undefined : undefined);
    const privacy = preparePrivacy(dataset, { anonymize: Boolean(flags.anonymize || flags.salt !== undefined), ...(salt !== undefined ? { salt } : {}), lang, brand: flags.brand ?? [] });
    result = privacy.protect(runAudit(privacy.dataset, { lang, version: version(), nameOf: privacy.nameOf, ...declared, ...(flags.by ? { by: flags.by } : {}) }));
  } finally {
    progress.stop();
  }

  const { renderReport } = await import('../render-report.js');
  const output = await renderReport(result, flags.format, io, { toFile: Boolean(flags.out), color: flags.color });
  if (flags.out) {
    const { writeAtomically } = await import('../write-output.js');
    await writeAtomically(flags.out, output);
  } else io.stdout.write(output);

  if (!flags.quiet && flags.format !== 'text' && result.warnings.length > 0) {
    const { stripTerminalControls } = await import('../../render/escape.js');
    for (const w of result.warnings.slice(0, 5)) io.stderr.write(`! ${stripTerminalControls(w.text)}\n`);
  }

  const outcome = judgeThresholds(result.verdict.level, result.verdict.score, {
    ...(failUnder !== undefined ? { failUnder } : {}),
    ...(flags.failOn ? { failOn: flags.failOn } : {}),
  });
  if (outcome.code === 3) {
    say(msg('error.insufficientForThreshold'));
    return ExitCode.insufficientData;
  }
  if (outcome.code === 1) {
    say(
      outcome.reason === 'fail-under'
        ? msg('error.threshold', { score: result.verdict.score ?? 0, threshold: failUnder ?? 0 })
        : msg('error.failOn', { level: result.verdict.level, failOn: flags.failOn ?? '' }),
    );
    return ExitCode.thresholdNotMet;
  }
  return ExitCode.ok;
}

/**
 * The command line: flags in, an exit code out. Reading, progress and writing happen here;
 * everything between (load → derive → detectors → scoring → render) is called, not done.
 * Heavy modules are imported when a command needs them, so `--help` starts fast.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../errors.js';
import { type Lang, type MsgRef, langFromEnv, msg, t } from '../i18n/index.js';
import type { Input } from '../load/read.js';
import { ExitCode, judgeThresholds } from './exit-codes.js';

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export const OUTPUT_FORMATS = ['text', 'json'] as const;
export const MAP_FIELDS = ['id', 'author', 'authorId', 'date', 'text', 'parent', 'post', 'reactions', 'platform', 'channel', 'role'];

interface AuditFlags {
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
  failUnder?: string;
  failOn?: 'audience' | 'ready';
  color: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** --lang wins, then LC_ALL / LC_MESSAGES / LANG. Read before parsing so that parse errors speak the user's language. */
function earlyLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'fr' || v === 'en' ? v : langFromEnv(env);
}

function parseDate(option: string, value: string, endOfDay: boolean): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  const t0 = m ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : NaN;
  if (Number.isNaN(t0)) throw new InputError(msg('error.badDate', { option, value }));
  return value.length === 10 && endOfDay ? t0 + 24 * 3600 * 1000 - 1 : t0;
}

function parseMap(values: string[]): Record<string, string> {
  const map: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const v of values) {
    const eq = v.indexOf('=');
    const field = eq > 0 ? v.slice(0, eq).trim() : '';
    if (!MAP_FIELDS.includes(field)) throw new InputError(msg('error.badMap', { fields: MAP_FIELDS.join(', '), value: v }));
    map[field] = v.slice(eq + 1).trim();
  }
  return map;
}

export async function runCli(io: CliIo): Promise<number> {
  let lang = earlyLang(io.argv, io.env);
  const color = !io.argv.includes('--no-color') && !io.env.NO_COLOR && io.env.FORCE_COLOR !== '0';
  if (!color) io.env.FORCE_COLOR = '0';
  const say = (ref: MsgRef) => io.stderr.write(t(lang, 'error.title', { message: t(lang, ref.key, ref.values) }) + '\n');
  let exitCode: number = ExitCode.ok;

  const program = new Command('community-audit')
    .description(t(lang, 'cli.description'))
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError(lang === 'fr' ? '(community-audit --help pour l’aide)' : '(run community-audit --help for usage)');

  program
    .argument('[files...]', "exports to audit (CSV); '-' reads stdin")
    .option('-m, --members <file>', 'member list (CSV): id or name, role, join date, last activity')
    .option('-b, --brand <accounts>', 'the brand accounts, by id or name, comma-separated (repeatable)', (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)])
    .addOption(new Option('-f, --format <format>', 'report format').choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to a file (atomically; never over an input)')
    .addOption(new Option('--lang <lang>', 'report language (default: from LC_ALL / LANG)').choices(['fr', 'en']))
    .option('--since <date>', 'only messages from this day on (YYYY-MM-DD)')
    .option('--until <date>', 'only messages up to this day (YYYY-MM-DD)')
    .option('--input-format <name>', 'force the input format instead of detecting it (see: community-audit formats)')
    .option('--platform <name>', 'platform of a CSV with no platform column: instagram, linkedin, facebook, youtube, tiktok, x, forum, slack, discord…')
    .option('--map <field=column>', `read a field from a named column (repeatable); fields: ${MAP_FIELDS.join(', ')}`, (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--date-format <format>', 'force how dates are read: iso, dmy (dd/MM/yyyy), mdy (MM/dd/yyyy), ymd, epoch-s, epoch-ms')
    .option('--fail-under <score>', 'exit 1 when the score (0-100) is below this')
    .addOption(new Option('--fail-on <level>', 'exit 1 on this level: audience, or ready (anything short of a community)').choices(['audience', 'ready']))
    .option('--no-color', 'no colours (NO_COLOR and FORCE_COLOR=0 are obeyed too)')
    .option('-q, --quiet', 'no progress and no warnings on stderr')
    .option('--verbose', 'more detail on stderr')
    .addHelpText(
      'after',
      `
Examples:
  community-audit comments.csv --members members.csv
  community-audit linkedin.csv --platform linkedin --lang fr
  community-audit export.csv --format json | jq .verdict
  community-audit export.csv --map author="Nom complet" --date-format dmy
  community-audit export.csv --fail-on audience --quiet        # in CI
  community-audit schema > audit.schema.json

Exit codes: 0 done · 1 a --fail-under/--fail-on threshold was not met · 2 bad usage or unreadable input
            3 too little data to judge the threshold · 70 internal error (please report it)`,
    )
    .action(async (files: string[], flags: AuditFlags) => {
      if (flags.lang) lang = flags.lang;
      exitCode = await audit(files, flags, io, lang, say);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the JSON report')
    .action(async () => {
      const { auditResultJsonSchema } = await import('../model/result.js');
      io.stdout.write(JSON.stringify(auditResultJsonSchema(), null, 2) + '\n');
    });

  program
    .command('formats')
    .description('list the input formats this version reads')
    .action(async () => {
      const { READERS } = await import('../load/formats/index.js');
      for (const r of READERS) io.stdout.write(`${r.name.padEnd(16)} replies: ${r.replies.join(', ')}\n`);
    });

  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (error instanceof InputError) {
      say(error.ref);
      return ExitCode.usage;
    }
    say(msg('error.internal', { message: error instanceof Error ? error.message : String(error) }));
    if (io.argv.includes('--verbose') && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
    return ExitCode.internal;
  }
}

async function audit(files: string[], flags: AuditFlags, io: CliIo, lang: Lang, say: (ref: MsgRef) => unknown): Promise<number> {
  if (files.length === 0) {
    throw new InputError(msg('error.badOption', { message: lang === 'fr' ? 'aucun fichier à auditer. Exemple : community-audit commentaires.csv (ou community-audit quiz sans données)' : 'no file to audit. Example: community-audit comments.csv (or community-audit quiz without data)' }));
  }
  const { DATE_FORMATS } = await import('../load/dates.js');
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
    const { assertNotAnInput } = await import('./write-output.js');
    assertNotAnInput(flags.out, [...files.filter((f) => f !== '-'), ...(flags.members ? [flags.members] : [])]);
  }

  const { loadDataset, openFile, openStdin } = await import('../load/index.js');
  const inputs: Input[] = [];
  for (const f of files) {
    if (f === '-') {
      if (io.stdin.isTTY) throw new InputError(msg('error.stdinTty'));
      inputs.push(await openStdin(io.stdin as NodeJS.ReadableStream & AsyncIterable<Buffer>));
    } else inputs.push(await openFile(f));
  }
  const memberInput = flags.members ? await openFile(flags.members) : undefined;

  const { startProgress } = await import('./progress.js');
  const progress = await startProgress(io.stderr, lang, !flags.quiet);
  let dataset;
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
    progress.phase(t(lang, 'progress.auditing'));
  } finally {
    progress.stop();
  }

  const { runAudit } = await import('../scoring/run-audit.js');
  const result = runAudit(dataset, { lang, version: version() });

  let output: string;
  if (flags.format === 'json') {
    const { renderJson } = await import('../render/json.js');
    output = renderJson(result);
  } else {
    const { renderText } = await import('../render/text.js');
    const toTerminal = !flags.out;
    const color = flags.color && !io.env.NO_COLOR && io.env.FORCE_COLOR !== '0' && (toTerminal ? io.stdout.isTTY === true || io.env.FORCE_COLOR !== undefined : false);
    output = renderText(result, { color, width: io.stdout.columns ?? 100 });
  }
  if (flags.out) {
    const { writeAtomically } = await import('./write-output.js');
    await writeAtomically(flags.out, output);
  } else io.stdout.write(output);

  if (!flags.quiet && flags.format !== 'text' && result.warnings.length > 0) {
    for (const w of result.warnings.slice(0, 5)) io.stderr.write(`! ${w.text}\n`);
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

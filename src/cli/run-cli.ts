/**
 * The command line: flags in, an exit code out. Reading, progress and writing happen here;
 * everything between (load → derive → detectors → scoring → render) is called, not done.
 * Heavy modules are imported when a command needs them, so `--help` starts fast.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../errors.js';
import { type MsgRef, msg, t } from '../i18n/index.js';
import { type AuditFlags, OUTPUT_FORMATS, audit } from './commands/audit.js';
import type { QuizFlags } from './commands/quiz.js';
import { ExitCode } from './exit-codes.js';
import { MAP_FIELDS, earlyLang, version } from './options.js';

export interface CliIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}



export async function runCli(io: CliIo): Promise<number> {
  let lang = earlyLang(io.argv, io.env);
  const color = !io.argv.includes('--no-color') && !io.env.NO_COLOR && io.env.FORCE_COLOR !== '0';
  if (!color) io.env.FORCE_COLOR = '0';
  // file names, headers and values in a message come from the user's files: no escape sequence of theirs reaches the terminal
  const { stripTerminalControls } = await import('../render/escape.js');
  const say = (ref: MsgRef) => io.stderr.write(stripTerminalControls(t(lang, 'error.title', { message: t(lang, ref.key, ref.values) })) + '\n');
  let exitCode: number = ExitCode.ok;

  const program = new Command('community-audit')
    .description(t(lang, 'cli.description'))
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError(lang === 'fr' ? '(community-audit --help pour l’aide)' : '(run community-audit --help for usage)')
    // so that `quiz --format json` reaches the quiz command rather than the audit's own --format
    .enablePositionalOptions();

  program
    .argument('[files...]', "exports to audit: files, zips or folders (see: community-audit formats); '-' reads stdin")
    .option('-m, --members <file>', 'member list (CSV): id or name, role, join date, last activity')
    .option('-b, --brand <accounts>', 'the brand accounts, by id or name, comma-separated (repeatable)', (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)])
    .addOption(new Option('-f, --format <format>', 'report format').choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to a file (atomically; never over an input)')
    .addOption(new Option('--lang <lang>', 'report language (default: from LC_ALL / LANG)').choices(['fr', 'en']))
    .option('--since <date>', 'only messages from this day on (YYYY-MM-DD)')
    .option('--until <date>', 'only messages up to this day (YYYY-MM-DD)')
    .addOption(new Option('--by <period>', 'the verdict period by period: did you move from audience to community?').choices(['week', 'month', 'quarter']))
    .option('--input-format <name>', 'force the input format instead of detecting it (see: community-audit formats)')
    .option('--platform <name>', 'platform of a CSV with no platform column: instagram, linkedin, facebook, youtube, tiktok, x, forum, slack, discord…')
    .option('--map <field=column>', `read a field from a named column (repeatable); fields: ${MAP_FIELDS.join(', ')}`, (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--date-format <format>', 'force how dates are read: iso, dmy (dd/MM/yyyy), mdy (MM/dd/yyyy), ymd, epoch-s, epoch-ms')
    .option('--quiz <answers.json>', 'add questionnaire answers (from quiz --save-answers or --template): they fill what the data cannot measure, and your view is set against the data')
    .option('--fail-under <score>', 'exit 1 when the score (0-100) is below this')
    .addOption(new Option('--fail-on <level>', 'exit 1 on this level: audience, or ready (anything short of a community)').choices(['audience', 'ready']))
    .option('--anonymize', 'replace every name with a pseudonym in the report (see SECURITY.md)')
    .option('--salt <text>', 'with --anonymize: the same pseudonyms in every run (implies --anonymize; or COMMUNITY_AUDIT_SALT)')
    .option('--no-color', 'no colours (NO_COLOR and FORCE_COLOR=0 are obeyed too)')
    .option('-q, --quiet', 'no progress and no warnings on stderr')
    .option('--verbose', 'more detail on stderr')
    .addHelpText(
      'after',
      `
Examples:
  community-audit comments.csv --members members.csv
  community-audit linkedin.csv --platform linkedin --lang fr
  community-audit slack-export.zip "WhatsApp Chat with Club.txt"   # several platforms, one audit
  community-audit formats                                          # the exports it reads
  community-audit export.csv --format json | jq .verdict
  community-audit export.csv --map author="Nom complet" --date-format dmy
  community-audit export.csv --fail-on audience --quiet        # in CI
  community-audit comments.csv --quiz answers.json             # your answers against the data
  community-audit quiz                                         # no data: answer 20 questions
  community-audit export.csv --format html --out report.html   # charts, one file, opens offline
  community-audit export.csv --format markdown >> "$GITHUB_STEP_SUMMARY"
  community-audit export.csv --by month                        # the verdict month by month
  community-audit compare last-month.json this-month.json --fail-on-drop 10
  community-audit export.csv --anonymize --format json         # a report to share: pseudonyms, no contacts
  community-audit schema > audit.schema.json

Exit codes: 0 done · 1 a --fail-under/--fail-on threshold was not met · 2 bad usage or unreadable input
            3 too little data to judge the threshold · 70 internal error (please report it)`,
    )
    .action(async (files: string[], flags: AuditFlags) => {
      if (flags.lang) lang = flags.lang;
      exitCode = await audit(files, flags, io, lang, say);
    });

  program
    .command('quiz')
    .description(t(lang, 'quiz.cli.description'))
    .option('--answers <file.json>', "answer from a file instead of the terminal ('-' reads stdin); see --template")
    .option('--template', 'print a blank answers file: every question, its allowed values, null to fill in')
    .option('--save-answers <file.json>', 'keep your answers in a file, to replay them with --answers or add them to data with --quiz')
    .addOption(new Option('-f, --format <format>', 'report format').choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report (or the template) to a file, atomically')
    .addOption(new Option('--lang <lang>', 'language of the questions and the report (default: from LC_ALL / LANG)').choices(['fr', 'en']))
    .option('--no-color', 'no colours')
    .option('-q, --quiet', 'no messages on stderr besides the questions and errors')
    .addHelpText(
      'after',
      `
Examples:
  community-audit quiz --lang fr                               # in a terminal: 20 questions, ← goes back
  community-audit quiz --save-answers answers.json             # keep your answers
  community-audit quiz --template > answers.json               # for scripts: fill in each "answer"
  community-audit quiz --answers answers.json --format json
  community-audit comments.csv --quiz answers.json             # your answers against the data

Exit codes: 0 done · 2 bad usage, an invalid answers file, or no terminal without --answers
            130 interrupted (Ctrl-C or Esc): nothing is written`,
    )
    .action(async (flags: QuizFlags) => {
      if (flags.lang) lang = flags.lang;
      const { quiz } = await import('./commands/quiz.js');
      exitCode = await quiz(flags, io, lang, say);
    });

  program
    .command('compare')
    .description('what changed between two audits made with --format json (score, level, signals, core members)')
    .argument('<before>', 'the earlier audit (JSON)')
    .argument('<after>', 'the later audit (JSON)')
    .option('--fail-on-drop <points>', 'exit 1 when the score fell by more than this many points')
    .option('-f, --format <format>', 'text (default), json or markdown')
    .option('-o, --out <file>', 'write the comparison to a file, atomically')
    .addOption(new Option('--lang <lang>', 'language of the comparison (default: from LC_ALL / LANG)').choices(['fr', 'en']))
    .option('--no-color', 'no colours')
    .addHelpText('after', '\nExit codes: 0 done · 1 the score fell by more than --fail-on-drop · 2 a file is not an audit JSON · 3 a score is missing\n')
    .action(async (before: string, after: string, _opts: unknown, cmd: Command) => {
      const flags = cmd.opts() as { format?: string; out?: string; lang?: 'fr' | 'en'; failOnDrop?: string; color?: boolean };
      if (flags.lang) lang = flags.lang;
      const { compare } = await import('./commands/compare.js');
      exitCode = await compare(before, after, flags, io, lang, say);
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
    // --lang is read before parsing (earlyLang); declared here so `formats --lang fr` is valid
    .addOption(new Option('--lang <lang>', 'language of the listing').choices(['fr', 'en']))
    .action(async () => {
      const { listFormats } = await import('./commands/formats.js');
      io.stdout.write(listFormats(lang, io.stdout.columns ?? 100));
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

